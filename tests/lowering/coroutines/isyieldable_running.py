"""coroutines/isyieldable_running.lua as script code."""

from luac2py.runtime import LuaSource, adjust, first, index, spread
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # coroutines/isyieldable_running.lua
    lua.print(
        *spread(
            (
                _t["isyieldable"]
                if type((_t := _ENV["coroutine"])) is not str
                else index(_t, "isyieldable")
            )()
        )
    )

    def anonymous(*_2):  # coroutines/isyieldable_running.lua:3
        _, main = adjust(
            (
                _t["running"]
                if type((_t := _ENV["coroutine"])) is not str
                else index(_t, "running")
            )(),
            2,
        )
        lua.print(
            main,
            *spread(
                (
                    _t_2["isyieldable"]
                    if type((_t_2 := _ENV["coroutine"])) is not str
                    else index(_t_2, "isyieldable")
                )()
            ),
        )
        return ()

    co = first(
        (_t_2["create"] if type((_t_2 := _ENV["coroutine"])) is not str else index(_t_2, "create"))(
            anonymous
        )
    )
    (_t_3["resume"] if type((_t_3 := _ENV["coroutine"])) is not str else index(_t_3, "resume"))(co)
    return ()


__lua__ = LuaSource(
    "coroutines/isyieldable_running.lua",
    "7:1,8:2,18:3,19:4,27:5,39:3,44:7",
)
