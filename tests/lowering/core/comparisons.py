"""core/comparisons.lua as script code."""

from luac2py.runtime import LuaSource, MetaTable, eq, ge, gt, le, lt, spread
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # core/comparisons.lua
    n = 3

    def compare(a=None, b=None, *_):  # core/comparisons.lua:3
        return (
            a == b if type(a) is type(b) is not MetaTable else eq(a, b),
            a != b if type(a) is type(b) is not MetaTable else not eq(a, b),
            a < b if type(a) is type(b) is int else lt(a, b),
            a <= b if type(a) is type(b) is int else le(a, b),
            a > b if type(a) is type(b) is int else gt(a, b),
            a >= b if type(a) is type(b) is int else ge(a, b),
        )

    lua.print(n < 4, n == 3, *spread(compare(1, "1")))
    return compare


__lua__ = LuaSource(
    "core/comparisons.lua",
    "7:1,8:2,10:3,11:4,20:6,21:7",
)
