-- workflow.version chooses between old and new code for runs started before and after a change.
local workflow = require("workflow")

local function main(order)
    if workflow.version("label", 1, 2) == 2 then
        return "order " .. order.id
    end
    return order.id
end

return {main = main}
