"""control/for_pairs.lua as script code."""

from luac2py.runtime import LuaSource, Table
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # control/for_pairs.lua
    t = Table.of((10,), a=1, b=2)
    for k, v in lua.pairs_iter(t):
        lua.print(k, v)
    return ()


__lua__ = LuaSource(
    "control/for_pairs.lua",
    "7:1,8:2,9:3,10:4",
)
