"""control/for_integer.lua as script code."""

from luac2py.runtime import LuaSource, wrap
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # control/for_integer.lua
    total = 0
    for i in range(1, 10 + 1):
        total = _t if (_t := (total + i)) <= 9223372036854775807 else wrap(_t)
    for i_2 in range(10, 1 - 1, -2):
        total = _t_2 if (_t_2 := (total - i_2)) >= -9223372036854775808 else wrap(_t_2)
    lua.print(total)
    return ()


__lua__ = LuaSource(
    "control/for_integer.lua",
    "7:1,8:2,9:3,10:4,11:6,12:7,13:9",
    "i_2=i",
)
