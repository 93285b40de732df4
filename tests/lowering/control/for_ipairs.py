"""control/for_ipairs.lua as script code."""

from luac2py.runtime import LuaSource, Table
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # control/for_ipairs.lua
    t = Table.of(("x", "y", "z"))
    for i, v in lua.ipairs_iter(t):
        lua.print(i, v)
    return ()


__lua__ = LuaSource(
    "control/for_ipairs.lua",
    "7:1,8:2,9:3,10:4",
)
