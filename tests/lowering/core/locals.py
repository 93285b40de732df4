"""core/locals.lua as script code."""

from luac2py.runtime import LuaSource
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # core/locals.lua
    a = 1
    b = None
    c, d = ("two", 3.0)
    b = a
    lua.print(a, b, c, d)
    return ()


__lua__ = LuaSource(
    "core/locals.lua",
    "7:1,8:2,9:3,10:4,11:5,12:6",
)
