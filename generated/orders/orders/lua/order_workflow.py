"""order_workflow.lua as workflow code (compiled by luac2py; edit the Lua, not this file)."""

from datetime import timedelta
from luac2py.runtime import LuaSource, Table, first
from luac2py.runtime import lib as lua
from luac2py.runtime.wippy.funcs import DEFAULT_RETRY_POLICY, activity_result
from temporalio import workflow


def chunk(_ENV, *varargs):  # order_workflow.lua
    funcs = first(_ENV["require"]("funcs"))
    time = first(_ENV["require"]("time"))

    async def main(order=None, *_):  # order_workflow.lua:7
        payment, err = await activity_result(
            workflow.execute_activity(
                "orders:charge_payment",
                args=[Table(amount=order["total"], customer=order["customer_id"])],
                start_to_close_timeout=timedelta(minutes=10),
                retry_policy=DEFAULT_RETRY_POLICY,
            )
        )
        if err is not None and err is not False:
            return Table(status="failed", error=lua.tostring(err))
        if (_t := order["hold"]) is not None and _t is not False:
            await time.sleep(order["hold"])
        else:
            await workflow.sleep(timedelta(hours=1))
        shipment, err = await activity_result(
            workflow.execute_activity(
                "orders:ship_order",
                args=[Table(order_id=order["id"], address=order["shipping_address"])],
                start_to_close_timeout=timedelta(minutes=10),
                retry_policy=DEFAULT_RETRY_POLICY,
            )
        )
        if err is not None and err is not False:
            await activity_result(
                workflow.execute_activity(
                    "orders:refund_payment",
                    args=[payment["id"]],
                    start_to_close_timeout=timedelta(minutes=10),
                    retry_policy=DEFAULT_RETRY_POLICY,
                )
            )
            return Table(status="failed", error=lua.tostring(err))
        return Table(
            status="completed", payment_id=payment["id"], tracking=shipment["tracking_number"]
        )

    return Table(main=main)


__lua__ = LuaSource(
    "order_workflow.lua",
    "10:1,11:4,12:5,14:7,15:8,18:9,19:8,23:12,24:13,25:16,26:17,27:19,29:22,32:23,33:22,37:26,38:27,46:28,47:31,48:32,49:31,51:38",
)
