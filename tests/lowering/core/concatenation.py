"""core/concatenation.lua as script code."""

from luac2py.runtime import LuaSource
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # core/concatenation.lua
    name = "world"
    n = 42
    greeting = f"hello, {name}! {n}"
    lua.print(greeting)
    return ()


__lua__ = LuaSource(
    "core/concatenation.lua",
    "7:1,8:2,9:3,10:4,11:5",
)
