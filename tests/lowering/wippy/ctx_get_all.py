"""wippy/ctx_get_all.lua as workflow code."""

from luac2py.runtime import LuaSource, Table, first, truthy


def chunk(_ENV, *varargs):  # wippy/ctx_get_all.lua
    ctx = first(_ENV["require"]("ctx"))

    def main(*_):  # wippy/ctx_get_all.lua:4
        user, err = ctx.get("user")
        everything = ctx.all()
        return (user if truthy(user) else "anonymous", everything, err)

    return Table(main=main)


__lua__ = LuaSource(
    "wippy/ctx_get_all.lua",
    "6:1,7:2,9:4,10:5,11:6,12:7,14:10",
)
