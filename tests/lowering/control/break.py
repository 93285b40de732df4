"""control/break.lua as script code."""

from luac2py.runtime import LuaSource
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # control/break.lua
    found = None
    for i in range(1, 100 + 1):
        if i * i > 50:
            found = i
            break
    lua.print(found)
    return ()


__lua__ = LuaSource(
    "control/break.lua",
    "7:1,8:2,9:3,10:4,11:5,12:6,13:9",
)
