"""strings/match_gmatch.lua as script code."""

from luac2py.runtime import LuaSource, adjust, generic_for, method
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # strings/match_gmatch.lua
    date = "2024-05-17"
    y, m, d = adjust(method(date, "match")(date, "(%d+)-(%d+)-(%d+)"), 3)
    lua.print(y, m, d)
    for word in generic_for(*adjust(method("a bb ccc", "gmatch")("a bb ccc", "%a+"), 4), nvars=1):
        lua.print(word)
    return ()


__lua__ = LuaSource(
    "strings/match_gmatch.lua",
    "7:1,8:2,9:3,10:4,11:5,12:6",
)
