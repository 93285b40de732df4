"""coroutines/create_resume.lua as script code."""

from luac2py.runtime import LuaSource, add, first, index, mul, spread
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # coroutines/create_resume.lua

    def anonymous(a=None, *_):  # coroutines/create_resume.lua:2
        b = first(
            (
                _t_2["yield"]
                if type((_t_2 := _ENV["coroutine"])) is not str
                else index(_t_2, "yield")
            )(_t if type(a) is int and (_t := (a + 1)) <= 9223372036854775807 else add(a, 1))
        )
        return (
            _t_3 if type(b) is int and abs((_t_3 := (b * 2))) <= 9223372036854775807 else mul(b, 2)
        )

    co = first(
        (_t["create"] if type((_t := _ENV["coroutine"])) is not str else index(_t, "create"))(
            anonymous
        )
    )
    lua.print(
        *spread(
            (
                _t_2["resume"]
                if type((_t_2 := _ENV["coroutine"])) is not str
                else index(_t_2, "resume")
            )(co, 1)
        )
    )
    lua.print(
        *spread(
            (
                _t_3["resume"]
                if type((_t_3 := _ENV["coroutine"])) is not str
                else index(_t_3, "resume")
            )(co, 10)
        )
    )
    lua.print(
        first(
            (
                _t_4["status"]
                if type((_t_4 := _ENV["coroutine"])) is not str
                else index(_t_4, "status")
            )(co)
        ),
        *spread(
            (
                _t_5["resume"]
                if type((_t_5 := _ENV["coroutine"])) is not str
                else index(_t_5, "resume")
            )(co)
        ),
    )
    return ()


__lua__ = LuaSource(
    "coroutines/create_resume.lua",
    "7:1,9:2,10:3,17:4,21:2,26:6,35:7,44:8",
)
