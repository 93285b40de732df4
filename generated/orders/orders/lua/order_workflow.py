"""order_workflow.lua as workflow code (compiled by luac2py; edit the Lua, not this file)."""

from datetime import timedelta
from luac2py.runtime import LuaSource, Table, first, index
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
                args=[
                    Table(
                        amount=order["total"] if type(order) is not str else index(order, "total"),
                        customer=(
                            order["customer_id"]
                            if type(order) is not str
                            else index(order, "customer_id")
                        ),
                    )
                ],
                start_to_close_timeout=timedelta(minutes=10),
                retry_policy=DEFAULT_RETRY_POLICY,
            )
        )
        if err is not None and err is not False:
            return Table(status="failed", error=lua.tostring(err))
        if (
            _t := (order["hold"] if type(order) is not str else index(order, "hold"))
        ) is not None and _t is not False:
            await time.sleep(order["hold"] if type(order) is not str else index(order, "hold"))
        else:
            await workflow.sleep(timedelta(hours=1))
        shipment, err = await activity_result(
            workflow.execute_activity(
                "orders:ship_order",
                args=[
                    Table(
                        order_id=order["id"] if type(order) is not str else index(order, "id"),
                        address=(
                            order["shipping_address"]
                            if type(order) is not str
                            else index(order, "shipping_address")
                        ),
                    )
                ],
                start_to_close_timeout=timedelta(minutes=10),
                retry_policy=DEFAULT_RETRY_POLICY,
            )
        )
        if err is not None and err is not False:
            await activity_result(
                workflow.execute_activity(
                    "orders:refund_payment",
                    args=[payment["id"] if type(payment) is not str else index(payment, "id")],
                    start_to_close_timeout=timedelta(minutes=10),
                    retry_policy=DEFAULT_RETRY_POLICY,
                )
            )
            return Table(status="failed", error=lua.tostring(err))
        return Table(
            status="completed",
            payment_id=payment["id"] if type(payment) is not str else index(payment, "id"),
            tracking=(
                shipment["tracking_number"]
                if type(shipment) is not str
                else index(shipment, "tracking_number")
            ),
        )

    return Table(main=main)


__lua__ = LuaSource(
    "order_workflow.lua",
    "10:1,11:4,12:5,14:7,15:8,20:9,21:8,22:10,25:8,32:12,33:13,34:19,35:16,36:19,37:17,38:19,40:22,45:23,46:22,47:24,50:22,57:26,58:27,66:28,67:31,68:32,69:33,70:31,71:34,74:31,77:38",
)
