"""control/for_pairs_ipairs.lua as script code."""

from luac2py.runtime import LuaSource, Table
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # control/for_pairs_ipairs.lua
    t = Table.of(("x", "y"), a=1, b=2)
    for k, v in lua.pairs_iter(t):
        lua.print(k, v)
    for i, v_2 in lua.ipairs_iter(t):
        lua.print(i, v_2)
    return ()


__lua__ = LuaSource(
    "control/for_pairs_ipairs.lua",
    "7:1,8:2,9:3,10:4,11:6,12:7",
    "v_2=v",
)
