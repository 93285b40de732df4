"""wippy/workflow_exec.lua as workflow code."""

from luac2py.runtime import LuaSource, Table, first, truthy


def chunk(_ENV, *varargs):  # wippy/workflow_exec.lua
    workflow_ = first(_ENV["require"]("workflow"))

    async def main(order=None, *_):  # wippy/workflow_exec.lua:4
        receipt, err = await workflow_.exec("shop:receipt_workflow", order)
        if truthy(err):
            return (None, err)
        return receipt

    return Table(main=main)


__lua__ = LuaSource(
    "wippy/workflow_exec.lua",
    "6:1,7:2,9:4,10:5,11:6,12:7,13:9,15:12",
    "workflow_=workflow",
)
