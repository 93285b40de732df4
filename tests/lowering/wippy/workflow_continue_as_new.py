"""wippy/workflow_continue_as_new.lua as workflow code."""

from datetime import timedelta
from luac2py.runtime import LuaSource, Table, add, first, gt, index
from temporalio import workflow


def chunk(_ENV, *varargs):  # wippy/workflow_continue_as_new.lua
    workflow_ = first(_ENV["require"]("workflow"))
    time = first(_ENV["require"]("time"))

    async def main(input=None, *_):  # wippy/workflow_continue_as_new.lua:5
        await workflow.sleep(timedelta(minutes=1))
        if gt(workflow_.history_length(), 1000):
            await workflow_.continue_as_new(
                Table(
                    n=(
                        _t_2
                        if type((_t := index(input, "n"))) is int
                        and (_t_2 := (_t + 1)) <= 9223372036854775807
                        else add(_t, 1)
                    )
                )
            )
        return index(input, "n")

    return Table(main=main)


__lua__ = LuaSource(
    "wippy/workflow_continue_as_new.lua",
    "8:1,9:2,10:3,12:5,13:6,14:7,15:8,25:10,27:13",
    "workflow_=workflow",
)
