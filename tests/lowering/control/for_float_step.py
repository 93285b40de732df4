"""control/for_float_step.lua as script code."""

from luac2py.runtime import LuaSource, numeric_for
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # control/for_float_step.lua
    for x in numeric_for(0, 1, 0.25):
        lua.print(x)
    return ()


__lua__ = LuaSource(
    "control/for_float_step.lua",
    "7:1,8:2,9:3",
)
