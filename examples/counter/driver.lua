local time = require("time")

-- The next n replies from pid in this process's inbox, each printed and
-- returned as "topic" or "topic value"; an error after 10 s of silence.
local function replies(pid, n)
    local inbox = process.inbox()
    local got = {}
    while #got < n do
        local deadline = time.after("10s")
        local r = channel.select {inbox:case_receive(), deadline:case_receive()}
        if r.channel == deadline then
            error("no reply from " .. pid .. " after " .. #got .. " of " .. n)
        end
        local msg = r.value
        if msg:from() == pid then
            local data = msg:payload():data()
            local value = type(data) == "table" and (data.value or data.message) or data
            local line = value == nil and msg:topic() or (msg:topic() .. " " .. tostring(value))
            print("  <- " .. line)
            table.insert(got, line)
        end
    end
    return got
end

local function main(input)
    input = input or {}
    local name = input.name or ("counter-" .. time.now():unix_nano())

    -- Start messages reach the workflow before anything sent later.
    print("spawn " .. name .. " with increments 2, 1, 4")
    local pid, err = process
        .with_options({})
        :with_name(name)
        :with_message("increment", {amount = 2})
        :with_message("increment", {amount = 1})
        :with_message("increment", {amount = 4})
        :spawn_monitored("counter:counter_workflow", "counter:worker", {initial = 0})
    if not pid then
        return nil, err
    end
    local log = replies(pid, 6)

    print("decrement 10")
    process.send(pid, "decrement", {amount = 10})
    table.insert(log, replies(pid, 1)[1])

    print("decrement 3")
    process.send(pid, "decrement", {amount = 3})
    for _, line in ipairs(replies(pid, 2)) do table.insert(log, line) end

    print("finish")
    process.send(pid, "finish", {})
    for _, line in ipairs(replies(pid, 2)) do table.insert(log, line) end

    -- Its end arrives as an EXIT event: we spawned it monitored.
    local events = process.events()
    while true do
        local event = events:receive()
        if event.kind == process.event.EXIT and event.from == pid then
            if event.result.error then
                return nil, event.result.error
            end
            return {replies = log, result = event.result.value}
        end
    end
end

return {main = main}
