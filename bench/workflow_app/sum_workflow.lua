-- Calls bench:double for 1..n, one activity after another, and sums the
-- results. An activity error fails the workflow.
local funcs = require("funcs")

local function main(n)
    local total = 0
    for i = 1, n do
        local doubled, err = funcs.call("bench:double", i)
        if err then
            error(err)
        end
        total = total + doubled
    end
    return total
end

return { main = main }
