"""wippy/time_sleep_literal.lua as workflow code."""

from datetime import timedelta
from luac2py.runtime import LuaSource, Table, first
from temporalio import workflow


def chunk(_ENV, *varargs):  # wippy/time_sleep_literal.lua
    time = first(_ENV["require"]("time"))

    async def main(*_):  # wippy/time_sleep_literal.lua:4
        await workflow.sleep(timedelta(hours=1))
        await workflow.sleep(timedelta(seconds=90))
        await workflow.sleep(timedelta(milliseconds=250.0))
        return "woke"

    return Table(main=main)


__lua__ = LuaSource(
    "wippy/time_sleep_literal.lua",
    "8:1,9:2,11:4,12:5,13:6,14:7,15:8,17:11",
)
