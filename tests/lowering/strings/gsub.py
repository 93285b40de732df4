"""strings/gsub.lua as script code."""

from luac2py.runtime import LuaSource, Table, length, method, spread
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # strings/gsub.lua
    s = "one two three"
    lua.print(*spread(method(s, "gsub")(s, "%w+", "<%0>")))

    def anonymous(w=None, *_):  # strings/gsub.lua:4
        return length(w)

    lua.print(*spread(method(s, "gsub")(s, "(%w+)", anonymous)))
    lua.print(*spread(method(s, "gsub")(s, "%w+", Table(one="1", two="2"), 2)))
    return ()


__lua__ = LuaSource(
    "strings/gsub.lua",
    "7:1,8:2,9:3,11:4,15:5",
)
