"""control/while.lua as script code."""

from luac2py.runtime import LuaSource, wrap
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # control/while.lua
    i = 1
    total = 0
    while i <= 10:
        total = _t if abs((_t := (total + i))) <= 9223372036854775807 else wrap(_t)
        i = _t_2 if (_t_2 := (i + 1)) <= 9223372036854775807 else wrap(_t_2)
    lua.print(total)
    return ()


__lua__ = LuaSource(
    "control/while.lua",
    "7:1,8:2,9:3,10:4,11:5,12:6,13:8",
)
