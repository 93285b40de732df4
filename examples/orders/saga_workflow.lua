-- The seeds' saga: every finished step pushes its compensation; a failure
-- runs them newest first.
local funcs = require("funcs")

local function run_compensations(compensations)
    for _, comp in ipairs(compensations) do
        funcs.call(comp.action, comp.args)
    end
end

local function main(order)
    local compensations = {}

    local reservation, err = funcs.call("orders:reserve_inventory", order.items)
    if err then
        return {status = "failed", step = "inventory", error = tostring(err)}
    end
    table.insert(compensations, 1, {
        action = "orders:release_inventory",
        args = reservation.id
    })

    local payment, err = funcs.call("orders:charge_payment", order.payment)
    if err then
        run_compensations(compensations)
        return {status = "failed", step = "payment", error = tostring(err)}
    end
    table.insert(compensations, 1, {
        action = "orders:refund_payment",
        args = payment.id
    })

    local shipment, err = funcs.call("orders:ship_order", order.shipping)
    if err then
        run_compensations(compensations)
        return {status = "failed", step = "shipping", error = tostring(err), compensated = #compensations}
    end

    return {status = "completed", tracking = shipment.tracking_number}
end

return { main = main }
