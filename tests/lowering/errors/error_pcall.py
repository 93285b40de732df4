"""errors/error_pcall.lua as script code."""

from luac2py.runtime import LuaSource, concat, gt, spread
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # errors/error_pcall.lua

    def risky_int(n):  # errors/error_pcall.lua:2 for integer arguments
        if n > 1:
            lua.error(f"too big: {n}")
        return n

    def risky(n=None, *_):  # errors/error_pcall.lua:2
        if type(n) is int:
            return risky_int(n)
        if gt(n, 1):
            lua.error(f"too big: {n}" if type(n) is str else concat("too big: ", n))
        return n

    lua.print(*spread(lua.pcall(risky, 1)))
    lua.print(*spread(lua.pcall(risky, 2)))
    return ()


__lua__ = LuaSource(
    "errors/error_pcall.lua",
    "7:1,9:2,10:3,11:4,12:6,14:2,17:3,18:4,19:6,21:8,22:9",
)
