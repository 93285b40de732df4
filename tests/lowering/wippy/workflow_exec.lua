-- workflow.exec runs a child workflow and waits for its result.
local workflow = require("workflow")

local function main(order)
    local receipt, err = workflow.exec("shop:receipt_workflow", order)
    if err then
        return nil, err
    end
    return receipt
end

return {main = main}
