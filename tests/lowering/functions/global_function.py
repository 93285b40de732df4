"""functions/global_function.lua as script code."""

from luac2py.runtime import LuaSource, MetaTable, concat, newindex, spread
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # functions/global_function.lua

    def greet(name=None, *_):  # functions/global_function.lua:2
        return f"hi {name}" if type(name) is str else concat("hi ", name)

    (newindex(_ENV) if type(_ENV) is MetaTable else _ENV)["greet"] = greet
    lua.print(*spread(_ENV["greet"]("lua")))
    return ()


__lua__ = LuaSource(
    "functions/global_function.lua",
    "7:1,9:2,10:3,13:5",
)
