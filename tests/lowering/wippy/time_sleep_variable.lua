-- time.sleep with a duration known only at run time goes to the time module (still a durable timer).
local time = require("time")

local function main(input)
    time.sleep(input.hold or "2s")
    time.sleep(5 * time.SECOND)
    return "woke"
end

return {main = main}
