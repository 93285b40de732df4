"""wippy/funcs_call_literal.lua as workflow code."""

from datetime import timedelta
from luac2py.runtime import LuaSource, Table, first, index, truthy
from luac2py.runtime.wippy.funcs import DEFAULT_RETRY_POLICY, activity_result
from temporalio import workflow

ACTIVITY_OPTIONS = dict(
    start_to_close_timeout=timedelta(minutes=10), retry_policy=DEFAULT_RETRY_POLICY
)


def chunk(_ENV, *varargs):  # wippy/funcs_call_literal.lua
    funcs = first(_ENV["require"]("funcs"))

    async def main(order=None, *_):  # wippy/funcs_call_literal.lua:4
        receipt, err = await activity_result(
            workflow.execute_activity(
                "shop:charge",
                args=[index(order, "total"), index(order, "customer")],
                **ACTIVITY_OPTIONS,
            )
        )
        if truthy(err):
            return (None, err)
        return index(receipt, "id")

    return Table(main=main)


__lua__ = LuaSource(
    "wippy/funcs_call_literal.lua",
    "13:1,14:2,16:4,17:5,24:6,25:7,26:9,28:12",
)
