"""saga_workflow.lua as workflow code (compiled by luac2py; edit the Lua, not this file)."""

from datetime import timedelta
from luac2py.runtime import LuaSource, Table, first, index, length, truthy
from luac2py.runtime import lib as lua
from luac2py.runtime.wippy.funcs import DEFAULT_RETRY_POLICY, activity_result
from temporalio import workflow

ACTIVITY_OPTIONS = dict(
    start_to_close_timeout=timedelta(minutes=10), retry_policy=DEFAULT_RETRY_POLICY
)


def chunk(_ENV, *varargs):  # saga_workflow.lua
    funcs = first(_ENV["require"]("funcs"))

    async def run_compensations(compensations):  # saga_workflow.lua:5
        for _, comp in lua.ipairs_iter(compensations):
            await funcs.call(index(comp, "action"), index(comp, "args"))
        return ()

    async def main(order=None, *_):  # saga_workflow.lua:11
        compensations = Table()
        reservation, err = await activity_result(
            workflow.execute_activity(
                "orders:reserve_inventory", args=[index(order, "items")], **ACTIVITY_OPTIONS
            )
        )
        if truthy(err):
            return Table(status="failed", step="inventory", error=lua.tostring(err))
        lua.table.insert(
            compensations,
            1,
            Table(action="orders:release_inventory", args=index(reservation, "id")),
        )
        payment, err = await activity_result(
            workflow.execute_activity(
                "orders:charge_payment", args=[index(order, "payment")], **ACTIVITY_OPTIONS
            )
        )
        if truthy(err):
            await run_compensations(compensations)
            return Table(status="failed", step="payment", error=lua.tostring(err))
        lua.table.insert(
            compensations, 1, Table(action="orders:refund_payment", args=index(payment, "id"))
        )
        shipment, err = await activity_result(
            workflow.execute_activity(
                "orders:ship_order", args=[index(order, "shipping")], **ACTIVITY_OPTIONS
            )
        )
        if truthy(err):
            await run_compensations(compensations)
            return Table(
                status="failed",
                step="shipping",
                error=lua.tostring(err),
                compensated=length(compensations),
            )
        return Table(status="completed", tracking=index(shipment, "tracking_number"))

    return Table(main=main)


__lua__ = LuaSource(
    "saga_workflow.lua",
    "14:1,15:3,17:5,18:6,19:7,22:11,23:12,24:14,29:15,30:16,31:18,34:19,35:18,36:23,41:24,42:25,43:26,44:28,45:29,46:28,47:33,52:34,53:35,54:36,60:39,62:42",
)
