"""functions/local_function.lua as script code."""

from luac2py.runtime import LuaSource
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # functions/local_function.lua

    def square(x):  # functions/local_function.lua:2
        return x * x

    lua.print(square(3))
    return ()


__lua__ = LuaSource(
    "functions/local_function.lua",
    "7:1,9:2,10:3,12:5",
)
