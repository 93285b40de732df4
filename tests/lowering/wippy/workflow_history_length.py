"""wippy/workflow_history_length.lua as workflow code."""

from luac2py.runtime import LuaSource, Table, first


def chunk(_ENV, *varargs):  # wippy/workflow_history_length.lua
    workflow_ = first(_ENV["require"]("workflow"))

    def main(*_):  # wippy/workflow_history_length.lua:4
        return (workflow_.history_length(), workflow_.history_size())

    return Table(main=main)


__lua__ = LuaSource(
    "wippy/workflow_history_length.lua",
    "6:1,7:2,9:4,10:5,12:8",
    "workflow_=workflow",
)
