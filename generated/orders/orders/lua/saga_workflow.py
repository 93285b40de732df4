"""saga_workflow.lua as workflow code (compiled by luac2py; edit the Lua, not this file)."""

from datetime import timedelta
from luac2py.runtime import LuaSource, Table, first, length
from luac2py.runtime import lib as lua
from luac2py.runtime.wippy.funcs import DEFAULT_RETRY_POLICY, activity_result
from temporalio import workflow


def chunk(_ENV, *varargs):  # saga_workflow.lua
    funcs = first(_ENV["require"]("funcs"))

    async def run_compensations(compensations=None, *_2):  # saga_workflow.lua:5
        for _, comp in lua.ipairs_iter(compensations):
            await funcs.call(comp["action"], comp["args"])
        return ()

    async def main(order=None, *_):  # saga_workflow.lua:11
        compensations = Table()
        reservation, err = await activity_result(
            workflow.execute_activity(
                "orders:reserve_inventory",
                args=[order["items"]],
                start_to_close_timeout=timedelta(minutes=10),
                retry_policy=DEFAULT_RETRY_POLICY,
            )
        )
        if err is not None and err is not False:
            return Table(status="failed", step="inventory", error=lua.tostring(err))
        lua.table.insert(
            compensations, 1, Table(action="orders:release_inventory", args=reservation["id"])
        )
        payment, err = await activity_result(
            workflow.execute_activity(
                "orders:charge_payment",
                args=[order["payment"]],
                start_to_close_timeout=timedelta(minutes=10),
                retry_policy=DEFAULT_RETRY_POLICY,
            )
        )
        if err is not None and err is not False:
            await run_compensations(compensations)
            return Table(status="failed", step="payment", error=lua.tostring(err))
        lua.table.insert(
            compensations, 1, Table(action="orders:refund_payment", args=payment["id"])
        )
        shipment, err = await activity_result(
            workflow.execute_activity(
                "orders:ship_order",
                args=[order["shipping"]],
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
        return Table(status="completed", tracking=shipment["tracking_number"])

    return Table(main=main)


__lua__ = LuaSource(
    "saga_workflow.lua",
    "10:1,11:3,13:5,14:6,15:7,18:11,19:12,20:14,28:15,29:16,30:18,31:19,32:18,33:23,41:24,42:25,43:26,44:28,45:29,46:28,47:33,55:34,56:35,57:36,63:39,65:42",
)
