"""wippy/workflow_attrs.lua as workflow code."""

from luac2py.runtime import LuaSource, Table, first, index


def chunk(_ENV, *varargs):  # wippy/workflow_attrs.lua
    workflow_ = first(_ENV["require"]("workflow"))

    def main(order=None, *_):  # wippy/workflow_attrs.lua:4
        ok, err = workflow_.attrs(
            Table(
                search=Table(OrderId=index(order, "id"), Total=1.5, Priority=2, Rush=True),
                memo=Table(requested_by=index(order, "user")),
            )
        )
        return (ok, err)

    return Table(main=main)


__lua__ = LuaSource(
    "wippy/workflow_attrs.lua",
    "6:1,7:2,9:4,10:5,12:6,13:7,14:5,16:9,18:12",
    "workflow_=workflow",
)
