-- uuid.v4 in a workflow is deterministic (from the workflow's random source) and returns id, err.
local uuid = require("uuid")

local function main()
    local id, err = uuid.v4()
    return id, err
end

return {main = main}
