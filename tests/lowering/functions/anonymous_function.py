"""functions/anonymous_function.lua as script code."""

from luac2py.runtime import LuaSource, add, spread
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # functions/anonymous_function.lua

    def anonymous(f=None, v=None, *_):  # functions/anonymous_function.lua:2
        return f(v)

    apply = anonymous

    def anonymous_2(x=None, *_):  # functions/anonymous_function.lua:5
        return _t if type(x) is int and (_t := (x + 1)) <= 9223372036854775807 else add(x, 1)

    lua.print(*spread(apply(anonymous_2, 41)))
    return ()


__lua__ = LuaSource(
    "functions/anonymous_function.lua",
    "7:1,9:2,10:3,12:2,14:5",
)
