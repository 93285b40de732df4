"""wippy/suspending_helpers.lua as workflow code."""

from datetime import timedelta
from luac2py.runtime import LuaSource, Table, first
from temporalio import workflow


def chunk(_ENV, *varargs):  # wippy/suspending_helpers.lua
    funcs = first(_ENV["require"]("funcs"))
    time = first(_ENV["require"]("time"))

    async def step(name):  # wippy/suspending_helpers.lua:5
        await workflow.sleep(timedelta(seconds=1))
        return await funcs.call("shop:" + name)

    def pure(x):  # wippy/suspending_helpers.lua:10
        return x * 2

    async def main(*_):  # wippy/suspending_helpers.lua:14
        a = first(await step("first"))
        return (a, pure(21))

    return Table(main=main)


__lua__ = LuaSource(
    "wippy/suspending_helpers.lua",
    "8:1,9:2,10:3,12:5,13:6,14:7,16:10,17:11,19:14,20:15,21:16,23:19",
)
