-- Inventory, simulated: reserving nothing is an error.
local errors = require("errors")

local function reserve(items)
    if type(items) ~= "table" or #items == 0 then
        return nil, errors.new({kind = errors.INVALID, message = "no items to reserve", retryable = false})
    end
    return {id = "res-" .. table.concat(items, "+"), count = #items}
end

local function release(reservation_id)
    return {released = reservation_id}
end

return { reserve = reserve, release = release }
