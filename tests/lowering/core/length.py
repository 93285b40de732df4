"""core/length.lua as script code."""

from luac2py.runtime import LuaSource, Table, length
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # core/length.lua
    s = "hello"
    t = Table.of((10, 20, 30))

    def size(v):  # core/length.lua:4
        return length(v)

    lua.print(len(s), length(t), size(t))
    return ()


__lua__ = LuaSource(
    "core/length.lua",
    "7:1,8:2,9:3,11:4,12:5,14:7",
)
