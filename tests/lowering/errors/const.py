"""errors/const.lua as script code."""

from luac2py.runtime import LuaSource, wrap
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # errors/const.lua
    limit = 10
    total = 0
    for i in range(1, limit + 1):
        total = _t if (_t := (total + i)) <= 9223372036854775807 else wrap(_t)
    lua.print(total)
    return ()


__lua__ = LuaSource(
    "errors/const.lua",
    "7:1,8:2,9:3,10:4,11:5,12:7",
)
