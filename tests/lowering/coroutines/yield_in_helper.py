"""coroutines/yield_in_helper.lua as script code."""

from luac2py.runtime import LuaSource, first, index, spread
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # coroutines/yield_in_helper.lua

    def emit(v):  # coroutines/yield_in_helper.lua:2
        (_t["yield"] if type((_t := _ENV["coroutine"])) is not str else index(_t, "yield"))(v)
        return ()

    def anonymous(*_):  # coroutines/yield_in_helper.lua:5
        emit("a")
        emit("b")
        return ()

    co = first(
        (_t["wrap"] if type((_t := _ENV["coroutine"])) is not str else index(_t, "wrap"))(anonymous)
    )
    lua.print(first(co()), *spread(co()))
    return ()


__lua__ = LuaSource(
    "coroutines/yield_in_helper.lua",
    "7:1,9:2,10:3,13:5,14:6,15:7,18:5,21:9",
)
