"""control/for_iterator.lua as script code."""

from luac2py.runtime import LuaSource, generic_for, gt, sub
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # control/for_iterator.lua

    def countdown(from_=None, current=None, *_):  # control/for_iterator.lua:2
        if current > 1 if type(current) is int else gt(current, 1):
            return (
                _t
                if type(current) is int and (_t := (current - 1)) >= -9223372036854775808
                else sub(current, 1)
            )
        return ()

    for v in generic_for(countdown, 3, 4, nvars=1):
        lua.print(v)
    return ()


__lua__ = LuaSource(
    "control/for_iterator.lua",
    "7:1,9:2,10:3,18:5,19:6",
    "from_=from",
)
