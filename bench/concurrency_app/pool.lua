-- The worker pool: `workers` coroutines read a buffered work queue until it
-- is closed; each job is a 1 ms durable sleep, then job * 2 on the results
-- channel. Returns the sum of the results: 2 + 4 + ... + 2n.
local time = require("time")

local function main(input)
    local n, workers = input.jobs, input.workers
    local work = channel.new(n)
    local results = channel.new(n)

    for _ = 1, workers do
        coroutine.spawn(function()
            while true do
                local job, ok = work:receive()
                if not ok then
                    break
                end
                time.sleep(1 * time.MILLISECOND)
                results:send(job * 2)
            end
        end)
    end

    for job = 1, n do
        work:send(job)
    end
    work:close()

    local total = 0
    for _ = 1, n do
        total = total + results:receive()
    end
    return total
end

return { main = main }
