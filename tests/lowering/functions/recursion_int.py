"""functions/recursion_int.lua as script code."""

from luac2py.runtime import LuaSource, add, lt, sub, wrap
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # functions/recursion_int.lua

    def fib_int(n):  # functions/recursion_int.lua:2 for integer arguments
        if n < 2:
            return n
        return (
            _t
            if abs((_t := (fib_int(n - 1) + fib_int(n - 2)))) <= 9223372036854775807
            else wrap(_t)
        )

    def fib(n=None, *_):  # functions/recursion_int.lua:2
        if type(n) is int:
            return fib_int(n)
        if lt(n, 2):
            return n
        return (
            _t_7 + _t_8
            if type((_t_7 := fib(sub(n, 1)))) is type((_t_8 := fib(sub(n, 2)))) is float
            else (
                _t_9
                if type(_t_7) is type(_t_8) is int
                and abs((_t_9 := (_t_7 + _t_8))) <= 9223372036854775807
                else add(_t_7, _t_8)
            )
        )

    lua.print(fib(20), fib(10.0))
    return fib


__lua__ = LuaSource(
    "functions/recursion_int.lua",
    "7:1,9:2,10:3,11:4,12:6,18:2,21:3,22:4,23:6,34:8,35:9",
)
