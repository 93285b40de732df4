-- In an activity, time.sleep is an ordinary (blocking) sleep, not a workflow timer.
local time = require("time")

local function wait(ms)
    time.sleep("100ms")
    time.sleep(ms * time.MILLISECOND)
    return time.now():unix()
end

return {wait = wait}
