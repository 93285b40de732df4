"""functions/multiple_returns.lua as script code."""

from luac2py.runtime import LuaSource, adjust, first, spread
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # functions/multiple_returns.lua

    def pair():  # functions/multiple_returns.lua:2
        return (1, 2)

    one = first(pair())
    a, b, c = adjust(pair(), 3)
    x, y = (0, first(pair()))
    lua.print(*spread(pair()))
    lua.print(one, a, b, c, x, y, first(pair()))
    return ()


__lua__ = LuaSource(
    "functions/multiple_returns.lua",
    "7:1,9:2,10:3,12:5,13:6,14:7,15:8,16:9",
)
