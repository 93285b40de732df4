"""functions/tail_call.lua as script code."""

from luac2py.runtime import LuaSource, spread, wrap
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # functions/tail_call.lua

    def sum_to(n, acc):  # functions/tail_call.lua:2
        if n == 0:
            return acc
        return sum_to(
            _t if (_t := (n - 1)) >= -9223372036854775808 else wrap(_t),
            _t_2 if abs((_t_2 := (acc + n))) <= 9223372036854775807 else wrap(_t_2),
        )

    lua.print(*spread(sum_to(100, 0)))
    return ()


__lua__ = LuaSource(
    "functions/tail_call.lua",
    "7:1,9:2,10:3,11:4,12:6,17:8",
)
