"""strings/long_strings.lua as script code."""

from luac2py.runtime import LuaSource
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # strings/long_strings.lua
    a = 'tab\tnewline\n"quoted"'
    b = "long string, kept as written: \\n stays"
    lua.print(a, b, len(b))
    return ()


__lua__ = LuaSource(
    "strings/long_strings.lua",
    "7:1,8:2,9:3,10:5",
)
