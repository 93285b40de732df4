"""errors/assert.lua as script code."""

from luac2py.runtime import LuaSource, first, spread
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # errors/assert.lua

    def check(v=None, *_):  # errors/assert.lua:2
        value = first(lua.lua_assert(v, "no value"))
        return value

    lua.print(check(1), *spread(lua.pcall(check, None)))
    return ()


__lua__ = LuaSource(
    "errors/assert.lua",
    "7:1,9:2,10:3,11:4,13:6",
)
