"""core/arithmetic_unknown.lua as script code."""

from luac2py.runtime import LuaSource, add, idiv, power, spread, unm
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # core/arithmetic_unknown.lua

    def combine(x=None, y=None, *_):  # core/arithmetic_unknown.lua:2
        sum = (
            x + y
            if type(x) is type(y) is float
            else (
                _t
                if type(x) is type(y) is int and abs((_t := (x + y))) <= 9223372036854775807
                else add(x, y)
            )
        )
        quotient = idiv(x, y)
        return (sum, quotient, power(x, y), unm(x))

    lua.print(*spread(combine(1, 2.5)))
    return combine


__lua__ = LuaSource(
    "core/arithmetic_unknown.lua",
    "7:1,9:2,10:3,19:4,20:5,22:7,23:8",
)
