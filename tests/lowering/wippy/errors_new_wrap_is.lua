-- errors.new makes a structured error value, errors.wrap adds context, errors.is tests its kind.
local errors = require("errors")
local funcs = require("funcs")

local function main(order)
    if not order.id then
        return nil, errors.new({kind = errors.INVALID, message = "an order needs an id", retryable = false})
    end
    local _, err = funcs.call("shop:charge", order)
    if err and errors.is(err, errors.NOT_FOUND) then
        return nil, errors.wrap(err, "charge")
    end
    return order.id
end

return {main = main}
