-- time.sleep with a literal duration becomes a durable timer: await workflow.sleep(timedelta(...)).
local time = require("time")

local function main()
    time.sleep("1h")
    time.sleep("1m30s")
    time.sleep("250ms")
    return "woke"
end

return {main = main}
