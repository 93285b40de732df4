"""wippy/errors_new_wrap_is.lua as workflow code."""

from datetime import timedelta
from luac2py.runtime import LuaSource, Table, first, index, truthy
from luac2py.runtime.wippy.funcs import DEFAULT_RETRY_POLICY, activity_result
from temporalio import workflow

ACTIVITY_OPTIONS = dict(
    start_to_close_timeout=timedelta(minutes=10), retry_policy=DEFAULT_RETRY_POLICY
)


def chunk(_ENV, *varargs):  # wippy/errors_new_wrap_is.lua
    errors = first(_ENV["require"]("errors"))
    funcs = first(_ENV["require"]("funcs"))

    async def main(order=None, *_2):  # wippy/errors_new_wrap_is.lua:5
        if not truthy(index(order, "id")):
            return (
                None,
                errors.new(
                    Table(
                        kind=index(errors, "INVALID"),
                        message="an order needs an id",
                        retryable=False,
                    )
                ),
            )
        _, err = await activity_result(
            workflow.execute_activity("shop:charge", args=[order], **ACTIVITY_OPTIONS)
        )
        if truthy(err) and truthy(errors.is_(err, index(errors, "NOT_FOUND"))):
            return (None, errors.wrap(err, "charge"))
        return index(order, "id")

    return Table(main=main)


__lua__ = LuaSource(
    "wippy/errors_new_wrap_is.lua",
    "13:1,14:2,15:3,17:5,18:6,19:7,29:9,32:10,33:11,34:13,36:16",
)
