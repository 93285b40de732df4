-- In an activity, require("activity").heartbeat reports progress to Temporal.
local activity = require("activity")

local function work(n)
    for i = 1, n do
        activity.heartbeat(i)
    end
    return n
end

return {work = work}
