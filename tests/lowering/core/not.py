"""core/not.lua as script code."""

from luac2py.runtime import LuaSource
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # core/not.lua

    def negate(v):  # core/not.lua:2
        return v is None or v is False

    known = not 1 < 2
    lua.print(negate(0), negate(None), known)
    return ()


__lua__ = LuaSource(
    "core/not.lua",
    "7:1,9:2,10:3,12:5,13:6",
)
