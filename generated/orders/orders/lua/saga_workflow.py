"""saga_workflow.lua as workflow code (compiled by luac2py; edit the Lua, not this file)."""

from datetime import timedelta
from luac2py.runtime import LuaSource, Table, first, index, length
from luac2py.runtime import lib as lua
from luac2py.runtime.wippy.funcs import DEFAULT_RETRY_POLICY, activity_result
from temporalio import workflow


def chunk(_ENV, *varargs):  # saga_workflow.lua
    funcs = first(_ENV["require"]("funcs"))

    async def run_compensations(compensations):  # saga_workflow.lua:5
        for _, comp in lua.ipairs_iter(compensations):
            await funcs.call(
                comp["action"] if type(comp) is not str else index(comp, "action"),
                comp["args"] if type(comp) is not str else index(comp, "args"),
            )
        return ()

    async def main(order=None, *_):  # saga_workflow.lua:11
        compensations = Table()
        reservation, err = await activity_result(
            workflow.execute_activity(
                "orders:reserve_inventory",
                args=[order["items"] if type(order) is not str else index(order, "items")],
                start_to_close_timeout=timedelta(minutes=10),
                retry_policy=DEFAULT_RETRY_POLICY,
            )
        )
        if err is not None and err is not False:
            return Table(status="failed", step="inventory", error=lua.tostring(err))
        lua.table.insert(
            compensations,
            1,
            Table(
                action="orders:release_inventory",
                args=(
                    reservation["id"] if type(reservation) is not str else index(reservation, "id")
                ),
            ),
        )
        payment, err = await activity_result(
            workflow.execute_activity(
                "orders:charge_payment",
                args=[order["payment"] if type(order) is not str else index(order, "payment")],
                start_to_close_timeout=timedelta(minutes=10),
                retry_policy=DEFAULT_RETRY_POLICY,
            )
        )
        if err is not None and err is not False:
            await run_compensations(compensations)
            return Table(status="failed", step="payment", error=lua.tostring(err))
        lua.table.insert(
            compensations,
            1,
            Table(
                action="orders:refund_payment",
                args=payment["id"] if type(payment) is not str else index(payment, "id"),
            ),
        )
        shipment, err = await activity_result(
            workflow.execute_activity(
                "orders:ship_order",
                args=[order["shipping"] if type(order) is not str else index(order, "shipping")],
                start_to_close_timeout=timedelta(minutes=10),
                retry_policy=DEFAULT_RETRY_POLICY,
            )
        )
        if err is not None and err is not False:
            await run_compensations(compensations)
            return Table(
                status="failed",
                step="shipping",
                error=lua.tostring(err),
                compensated=length(compensations),
            )
        return Table(
            status="completed",
            tracking=(
                shipment["tracking_number"]
                if type(shipment) is not str
                else index(shipment, "tracking_number")
            ),
        )

    return Table(main=main)


__lua__ = LuaSource(
    "saga_workflow.lua",
    "10:1,11:3,13:5,14:6,15:7,21:11,22:12,23:14,31:15,32:16,33:18,37:19,38:18,39:20,40:18,43:23,51:24,52:25,53:26,54:28,58:29,59:30,60:28,62:33,70:34,71:35,72:36,78:39,87:42",
)
