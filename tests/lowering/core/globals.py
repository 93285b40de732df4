"""core/globals.lua as script code."""

from luac2py.runtime import LuaSource, MetaTable, add, newindex
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # core/globals.lua
    (newindex(_ENV) if type(_ENV) is MetaTable else _ENV)["counter"] = 0

    def bump(n=None, *_):  # core/globals.lua:3
        (newindex(_ENV) if type(_ENV) is MetaTable else _ENV)["counter"] = (
            _t_2
            if type((_t := _ENV["counter"])) is type(n) is int
            and abs((_t_2 := (_t + n))) <= 9223372036854775807
            else _t + n if type(_t) is type(n) is float else add(_t, n)
        )
        return ()

    (newindex(_ENV) if type(_ENV) is MetaTable else _ENV)["bump"] = bump
    _ENV["bump"](2)
    lua.print(_ENV["counter"], _ENV["undefined_name"])
    return ()


__lua__ = LuaSource(
    "core/globals.lua",
    "7:1,8:2,10:3,11:4,20:6,21:7",
)
