"""wippy/time_now.lua as workflow code."""

from datetime import timedelta
from luac2py.runtime import LuaSource, Table, ainvoke, first, spread
from temporalio import workflow


def chunk(_ENV, *varargs):  # wippy/time_now.lua
    time = first(_ENV["require"]("time"))

    async def main(*_):  # wippy/time_now.lua:4
        started = time.now()
        await workflow.sleep(timedelta(seconds=1))
        waited = first(await ainvoke(time.now(), "sub", started))
        return (
            first(await ainvoke(waited, "milliseconds")),
            *spread(await ainvoke(started, "unix")),
        )

    return Table(main=main)


__lua__ = LuaSource(
    "wippy/time_now.lua",
    "8:1,9:2,11:4,12:5,13:6,14:7,15:8,20:11",
)
