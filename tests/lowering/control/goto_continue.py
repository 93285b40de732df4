"""control/goto_continue.lua as script code."""

from luac2py.runtime import LuaSource
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # control/goto_continue.lua
    for i in range(1, 5 + 1):
        if i % 2 == 0:
            continue
        lua.print(i)
    return ()


__lua__ = LuaSource(
    "control/goto_continue.lua",
    "7:1,8:2,9:3,10:4,11:6",
)
