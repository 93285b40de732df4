-- funcs.call with a literal ID becomes workflow.execute_activity, awaited, with the shared ACTIVITY_OPTIONS.
local funcs = require("funcs")

local function main(order)
    local receipt, err = funcs.call("shop:charge", order.total, order.customer)
    if err then
        return nil, err
    end
    return receipt.id
end

return {main = main}
