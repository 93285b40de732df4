-- workflow.history_length (and history_size) tell how large the event history has grown.
local workflow = require("workflow")

local function main()
    return workflow.history_length(), workflow.history_size()
end

return {main = main}
