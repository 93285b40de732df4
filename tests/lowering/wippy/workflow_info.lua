-- workflow.info describes the running workflow (IDs, attempt, task queue).
local workflow = require("workflow")

local function main()
    local info = workflow.info()
    return {id = info.workflow_id, run = info.run_id}
end

return {main = main}
