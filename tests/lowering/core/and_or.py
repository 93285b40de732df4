"""core/and_or.lua as script code."""

from luac2py.runtime import LuaSource, spread
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # core/and_or.lua

    def pick(a, b):  # core/and_or.lua:2
        either = a if a is not None and a is not False else b
        both = b if a is not None and a is not False else a
        default = a if a is not None and a is not False else "default"
        return (either, both, default)

    lua.print(*spread(pick(None, 0)))
    lua.print(*spread(pick(False, "x")))
    return ()


__lua__ = LuaSource(
    "core/and_or.lua",
    "7:1,9:2,10:3,11:4,12:5,13:6,15:8,16:9",
)
