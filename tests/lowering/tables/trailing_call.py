"""tables/trailing_call.lua as script code."""

from luac2py.runtime import LuaSource, Table, first, spread
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # tables/trailing_call.lua

    def three():  # tables/trailing_call.lua:2
        return (1, 2, 3)

    all = Table.of((*spread(three()),))
    one = Table.of((first(three()), 0))
    lua.print(all.length(), one.length())
    return ()


__lua__ = LuaSource(
    "tables/trailing_call.lua",
    "7:1,9:2,10:3,12:5,13:6,14:7",
)
