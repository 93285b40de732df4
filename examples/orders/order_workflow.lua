-- The seeds' order workflow: charge, hold (a durable timer), ship, refund
-- when shipping fails. The hold is the seed's hour unless the order says
-- otherwise (the quickstart holds for a few seconds).
local funcs = require("funcs")
local time = require("time")

local function main(order)
    local payment, err = funcs.call("orders:charge_payment", {
        amount = order.total,
        customer = order.customer_id
    })
    if err then
        return {status = "failed", error = tostring(err)}
    end

    if order.hold then
        time.sleep(order.hold)
    else
        time.sleep("1h")
    end

    local shipment, err = funcs.call("orders:ship_order", {
        order_id = order.id,
        address = order.shipping_address
    })
    if err then
        funcs.call("orders:refund_payment", payment.id)
        return {status = "failed", error = tostring(err)}
    end

    return {
        status = "completed",
        payment_id = payment.id,
        tracking = shipment.tracking_number
    }
end

return { main = main }
