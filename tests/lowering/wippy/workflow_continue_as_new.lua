-- workflow.continue_as_new ends this run and starts a fresh one with new input.
local workflow = require("workflow")
local time = require("time")

local function main(input)
    time.sleep("1m")
    if workflow.history_length() > 1000 then
        workflow.continue_as_new({n = input.n + 1})
    end
    return input.n
end

return {main = main}
