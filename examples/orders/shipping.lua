-- Shipping, simulated: an address without a country cannot be shipped to.
local errors = require("errors")

local function ship(input)
    local address = input.address
    if type(address) ~= "table" or not address.country then
        return nil, errors.new({kind = errors.INVALID, message = "no shipping address for order " .. tostring(input.order_id), retryable = false})
    end
    return {tracking_number = "TRK-" .. input.order_id .. "-" .. string.upper(address.country)}
end

return { ship = ship }
