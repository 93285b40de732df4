"""control/repeat.lua as script code."""

from luac2py.runtime import LuaSource, wrap
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # control/repeat.lua
    n = 0
    while True:
        n = _t if (_t := (n + 1)) <= 9223372036854775807 else wrap(_t)
        done = n >= 3
        if done:
            break
    lua.print(n)
    return ()


__lua__ = LuaSource(
    "control/repeat.lua",
    "7:1,8:2,9:5,10:4,11:5,12:6,14:7",
)
