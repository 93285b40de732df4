"""order_workflow.lua (the seeds' basic workflow, plus a refund result):

local funcs = require("funcs")
local time = require("time")

local function main(order)
    local payment, err = funcs.call("app:charge_payment", {
        amount = order.total,
        customer = order.customer_id
    })
    if err then
        return {status = "failed", error = tostring(err)}
    end

    time.sleep("1h")

    local shipment, err = funcs.call("app:ship_order", {
        order_id = order.id,
        address = order.shipping_address
    })
    if err then
        local refund = funcs.call("app:refund_payment", payment.id)
        return {status = "failed", error = tostring(err), refund = refund}
    end

    return {
        status = "completed",
        payment_id = payment.id,
        tracking = shipment.tracking_number
    }
end

return { main = main }
"""

from datetime import timedelta

from temporalio import workflow

from luac2py.runtime import Table, first, index
from luac2py.runtime import lib as lua
from luac2py.runtime.wippy.funcs import DEFAULT_RETRY_POLICY, activity_result


# order_workflow.lua:1
def chunk(_ENV, *varargs):
    funcs = _ENV["require"]("funcs")[0]
    time = _ENV["require"]("time")[0]

    # order_workflow.lua:4
    async def main(order=None, *_):
        payment, err = await activity_result(
            workflow.execute_activity(
                "app:charge_payment",
                args=[Table(amount=index(order, "total"), customer=index(order, "customer_id"))],
                start_to_close_timeout=timedelta(minutes=10),
                retry_policy=DEFAULT_RETRY_POLICY,
            )
        )
        if err is not None and err is not False:
            return Table(status="failed", error=lua.tostring(err))
        await workflow.sleep(timedelta(hours=1))
        shipment, err = await activity_result(
            workflow.execute_activity(
                "app:ship_order",
                args=[Table(order_id=index(order, "id"), address=index(order, "shipping_address"))],
                start_to_close_timeout=timedelta(minutes=10),
                retry_policy=DEFAULT_RETRY_POLICY,
            )
        )
        if err is not None and err is not False:
            # A call the compiler cannot see as literal goes through the module.
            refund = first(await funcs.call("app:refund_payment", index(payment, "id")))
            return Table(status="failed", error=lua.tostring(err), refund=refund)
        return Table(status="completed", payment_id=index(payment, "id"), tracking=index(shipment, "tracking_number"))

    return Table(main=main)
