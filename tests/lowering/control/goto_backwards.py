"""control/goto_backwards.lua as script code."""

from luac2py.runtime import LuaSource, wrap
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # control/goto_backwards.lua
    _goto = 1
    while True:
        if _goto <= 1:
            n = 0
        if _goto <= 2:
            n = _t if (_t := (n + 1)) <= 9223372036854775807 else wrap(_t)
            if n < 3:
                _goto = 2
                continue
            lua.print(n)
        break
    return ()


__lua__ = LuaSource(
    "control/goto_backwards.lua",
    "7:1,11:2,13:4,14:5,15:6,17:8",
)
