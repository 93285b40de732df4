-- time.now in a workflow is the workflow's deterministic clock; times have methods.
local time = require("time")

local function main()
    local started = time.now()
    time.sleep("1s")
    local waited = time.now():sub(started)
    return waited:milliseconds(), started:unix()
end

return {main = main}
