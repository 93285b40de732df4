"""strings/methods.lua as script code."""

from luac2py.runtime import LuaSource, first, method, spread
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # strings/methods.lua
    s = "Hello, Lua"
    lua.print(
        first(method(s, "upper")(s)),
        first(method(s, "lower")(s)),
        first(method(s, "len")(s)),
        first(method(s, "sub")(s, 1, 5)),
        *spread(method(s, "rep")(s, 2, "-")),
    )
    lua.print(
        first(lua.string.byte(s, 1)),
        lua.string.char(72, 105),
        *spread(method(s, "find")(s, "Lua", 1, True)),
    )
    return ()


__lua__ = LuaSource(
    "strings/methods.lua",
    "7:1,8:2,9:3,16:4",
)
