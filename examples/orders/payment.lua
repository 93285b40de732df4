-- Payments, simulated: ids derive from the input so runs are reproducible.
local errors = require("errors")

local function charge(input)
    if type(input) ~= "table" or type(input.amount) ~= "number" or input.amount <= 0 then
        return nil, errors.new({kind = errors.INVALID, message = "amount must be positive", retryable = false})
    end
    return {id = string.format("pay-%s-%d", input.customer or "anon", input.amount), amount = input.amount}
end

local function refund(payment_id)
    return {refunded = payment_id}
end

return { charge = charge, refund = refund }
