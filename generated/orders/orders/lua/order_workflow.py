"""order_workflow.lua as workflow code (compiled by luac2py; edit the Lua, not this file)."""

from datetime import timedelta
from luac2py.runtime import LuaSource, Table, first, index, truthy
from luac2py.runtime import lib as lua
from luac2py.runtime.wippy.funcs import DEFAULT_RETRY_POLICY, activity_result
from temporalio import workflow

ACTIVITY_OPTIONS = dict(
    start_to_close_timeout=timedelta(minutes=10), retry_policy=DEFAULT_RETRY_POLICY
)


def chunk(_ENV, *varargs):  # order_workflow.lua
    funcs = first(_ENV["require"]("funcs"))
    time = first(_ENV["require"]("time"))

    async def main(order=None, *_):  # order_workflow.lua:7
        payment, err = await activity_result(
            workflow.execute_activity(
                "orders:charge_payment",
                args=[Table(amount=index(order, "total"), customer=index(order, "customer_id"))],
                **ACTIVITY_OPTIONS,
            )
        )
        if truthy(err):
            return Table(status="failed", error=lua.tostring(err))
        if truthy(index(order, "hold")):
            await time.sleep(index(order, "hold"))
        else:
            await workflow.sleep(timedelta(hours=1))
        shipment, err = await activity_result(
            workflow.execute_activity(
                "orders:ship_order",
                args=[Table(order_id=index(order, "id"), address=index(order, "shipping_address"))],
                **ACTIVITY_OPTIONS,
            )
        )
        if truthy(err):
            await activity_result(
                workflow.execute_activity(
                    "orders:refund_payment", args=[index(payment, "id")], **ACTIVITY_OPTIONS
                )
            )
            return Table(status="failed", error=lua.tostring(err))
        return Table(
            status="completed",
            payment_id=index(payment, "id"),
            tracking=index(shipment, "tracking_number"),
        )

    return Table(main=main)


__lua__ = LuaSource(
    "order_workflow.lua",
    "14:1,15:4,16:5,18:7,19:8,22:9,23:8,26:12,27:13,28:16,29:17,30:19,32:22,35:23,36:22,39:26,40:27,45:28,46:31,47:32,48:33,49:34,50:31,52:38",
)
