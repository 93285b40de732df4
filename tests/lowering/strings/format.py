"""strings/format.lua as script code."""

from luac2py.runtime import LuaSource, method, spread
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # strings/format.lua
    name, n, x = ("items", 3, 2.5)
    lua.print(lua.string.format("%d %s cost %.2f", n, name, x))
    lua.print(*spread(method("%5s|%-5s|%x", "format")("%5s|%-5s|%x", "a", "b", 255)))
    return ()


__lua__ = LuaSource(
    "strings/format.lua",
    "7:1,8:2,9:3,10:4",
)
