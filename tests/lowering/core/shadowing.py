"""core/shadowing.lua as script code."""

from luac2py.runtime import LuaSource
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # core/shadowing.lua
    x = 1
    x = x + 1
    x_2 = "inner"
    lua.print(x_2)
    lua.print(x)
    return ()


__lua__ = LuaSource(
    "core/shadowing.lua",
    "7:1,8:2,9:3,10:5,11:6,12:8",
    "x_2=x",
)
