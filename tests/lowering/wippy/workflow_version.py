"""wippy/workflow_version.lua as workflow code."""

from luac2py.runtime import LuaSource, Table, concat, eq, first, index


def chunk(_ENV, *varargs):  # wippy/workflow_version.lua
    workflow_ = first(_ENV["require"]("workflow"))

    def main(order=None, *_):  # wippy/workflow_version.lua:4
        if eq(workflow_.version("label", 1, 2), 2):
            return (
                f"order {_t}" if type((_t := index(order, "id"))) is str else concat("order ", _t)
            )
        return index(order, "id")

    return Table(main=main)


__lua__ = LuaSource(
    "wippy/workflow_version.lua",
    "6:1,7:2,9:4,10:5,11:6,14:8,16:11",
    "workflow_=workflow",
)
