"""core/arithmetic_integers.lua as script code."""

from luac2py.runtime import LuaSource, div
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # core/arithmetic_integers.lua
    a = 7
    b = 2
    sum = a + b
    product = a * b
    quotient = a // b
    remainder = a % b
    ratio = div(a, b)
    lua.print(sum, product, quotient, remainder, ratio, -a)
    return ()


__lua__ = LuaSource(
    "core/arithmetic_integers.lua",
    "7:1,8:2,9:3,10:4,11:5,12:6,13:7,14:8,15:9",
)
