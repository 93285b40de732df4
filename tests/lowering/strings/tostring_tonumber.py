"""strings/tostring_tonumber.lua as script code."""

from luac2py.runtime import LuaSource, add, mul
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # strings/tostring_tonumber.lua
    n = (
        _t_2
        if type((_t := lua.tonumber("10"))) is int and (_t_2 := (_t + 1)) <= 9223372036854775807
        else add(_t, 1)
    )
    f = lua.tonumber("ff", 16)
    lua.print(n, f, lua.tostring(1000000000000000.0), lua.tostring(3.0), mul("5", 2))
    return ()


__lua__ = LuaSource(
    "strings/tostring_tonumber.lua",
    "7:1,8:2,13:3,14:4",
)
