-- Spawns the job workflow, sends it input.jobs jobs (default 3) and "exit",
-- and returns its result from the EXIT event.
local function main(input)
    input = input or {}
    local pid, err = process.spawn_monitored("counter:jobs_workflow", "counter:worker", {})
    if not pid then
        return nil, err
    end
    for i = 1, input.jobs or 3 do
        print("add_job " .. i)
        process.send(pid, "add_job", {id = "job-" .. i, n = i})
    end
    print("exit")
    process.send(pid, "exit", {})

    local events = process.events()
    while true do
        local event = events:receive()
        if event.kind == process.event.EXIT and event.from == pid then
            if event.result.error then
                return nil, event.result.error
            end
            return event.result.value
        end
    end
end

return {main = main}
