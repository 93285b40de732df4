"""coroutines/wrap.lua as script code."""

from luac2py.runtime import LuaSource, adjust, generic_for, index
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # coroutines/wrap.lua

    def numbers(n):  # coroutines/wrap.lua:2

        def anonymous(*_):  # coroutines/wrap.lua:3
            for i in range(1, n + 1):
                (_t["yield"] if type((_t := _ENV["coroutine"])) is not str else index(_t, "yield"))(
                    i
                )
            return ()

        return (_t["wrap"] if type((_t := _ENV["coroutine"])) is not str else index(_t, "wrap"))(
            anonymous
        )

    for v in generic_for(*adjust(numbers(3), 4), nvars=1):
        lua.print(v)
    return ()


__lua__ = LuaSource(
    "coroutines/wrap.lua",
    "7:1,9:2,11:3,12:4,13:5,18:3,20:5,22:9,23:10",
)
