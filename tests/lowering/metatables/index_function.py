"""metatables/index_function.lua as script code."""

from luac2py.runtime import LuaSource, MetaTable, Table, index, mul
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # metatables/index_function.lua

    def anonymous(t=None, k=None, *_):  # metatables/index_function.lua:2
        return (
            _t
            if type(k) is type(k) is int and abs((_t := (k * k))) <= 9223372036854775807
            else k * k if type(k) is type(k) is float else mul(k, k)
        )

    squares = lua.new_object(MetaTable(), Table(__index=anonymous), False)
    lua.print(
        squares[4] if type(squares) is not str else index(squares, 4),
        squares[9] if type(squares) is not str else index(squares, 9),
    )
    return ()


__lua__ = LuaSource(
    "metatables/index_function.lua",
    "7:1,9:2,10:4,16:3,17:7",
)
