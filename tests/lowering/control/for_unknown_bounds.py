"""control/for_unknown_bounds.lua as script code."""

from luac2py.runtime import LuaSource, numeric_for, wrap
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # control/for_unknown_bounds.lua

    def count_int(from_, to):  # control/for_unknown_bounds.lua:2 for integer arguments
        n = 0
        for i in range(from_, to + 1):
            n = _t if (_t := (n + 1)) <= 9223372036854775807 else wrap(_t)
        return n

    def count(from_, to):  # control/for_unknown_bounds.lua:2
        if type(from_) is int and type(to) is int:
            return count_int(from_, to)
        n = 0
        for i in numeric_for(from_, to, 1):
            n = _t_2 if (_t_2 := (n + 1)) <= 9223372036854775807 else wrap(_t_2)
        return n

    lua.print(count(1, 5), count(1.5, 3))
    return ()


__lua__ = LuaSource(
    "control/for_unknown_bounds.lua",
    "7:1,9:2,10:3,11:4,12:5,13:7,15:2,18:3,19:4,20:5,21:7,23:9",
    "from_=from",
)
