-- coroutine.spawn(fn) is one call of a nested def; channel.select one awaited call over its cases.
local function main(n)
    local jobs, results = channel.new(n), channel.new()
    coroutine.spawn(function()
        for i = 1, n do
            jobs:send(i)
        end
        jobs:close()
    end)
    local r = channel.select{jobs:case_receive(), results:case_send("x"), default = true}
    return r.value
end

return {main = main}
