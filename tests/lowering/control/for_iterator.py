"""control/for_iterator.lua as script code."""

from luac2py.runtime import LuaSource, generic_for, wrap
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # control/for_iterator.lua

    def range_(n):  # control/for_iterator.lua:2
        i = 0

        def anonymous(*_):  # control/for_iterator.lua:4
            nonlocal i
            i = _t if (_t := (i + 1)) <= 9223372036854775807 else wrap(_t)
            if i <= n:
                return i
            return ()

        return anonymous

    for v in generic_for(range_(3), None, None, nvars=1):
        lua.print(v)
    return ()


__lua__ = LuaSource(
    "control/for_iterator.lua",
    "7:1,9:2,10:3,12:4,14:5,15:6,19:4,21:9,22:10",
    "range_=range",
)
