"""core/multiple_assignment.lua as script code."""

from luac2py.runtime import LuaSource, Table
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # core/multiple_assignment.lua
    a, b, c = (1, 2, None)
    a, b = (b, a)
    t = Table()
    t["y"], t["x"] = (a, b)[::-1]
    lua.print(a, b, c, t["x"], t["y"])
    return ()


__lua__ = LuaSource(
    "core/multiple_assignment.lua",
    "7:1,8:2,9:3,10:4,11:5,12:6",
)
