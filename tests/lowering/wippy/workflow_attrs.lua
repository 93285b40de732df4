-- workflow.attrs sets search attributes and memo; literal search keys are recorded for the dev server.
local workflow = require("workflow")

local function main(order)
    local ok, err = workflow.attrs({
        search = {OrderId = order.id, Total = 1.5, Priority = 2, Rush = true},
        memo = {requested_by = order.user},
    })
    return ok, err
end

return {main = main}
