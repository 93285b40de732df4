"""tables/length.lua as script code."""

from luac2py.runtime import LuaSource, Table
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # tables/length.lua
    t = Table.of((1, 2, 3))
    t.append(4)
    n = t.length()
    lua.print(n, t[n])
    return ()


__lua__ = LuaSource(
    "tables/length.lua",
    "7:1,8:2,9:3,10:4,11:5",
)
