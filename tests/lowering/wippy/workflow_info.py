"""wippy/workflow_info.lua as workflow code."""

from luac2py.runtime import LuaSource, Table, first, index


def chunk(_ENV, *varargs):  # wippy/workflow_info.lua
    workflow_ = first(_ENV["require"]("workflow"))

    def main(*_):  # wippy/workflow_info.lua:4
        info = workflow_.info()
        return Table(id=index(info, "workflow_id"), run=index(info, "run_id"))

    return Table(main=main)


__lua__ = LuaSource(
    "wippy/workflow_info.lua",
    "6:1,7:2,9:4,10:5,11:6,13:9",
    "workflow_=workflow",
)
