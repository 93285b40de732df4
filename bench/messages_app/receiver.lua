-- Takes input.expected messages of topic "m" from the inbox, each
-- {sender = s, seq = i}, where every sender numbers its messages 1, 2, 3...
-- A message is a duplicate when its sender's seq was seen already; the
-- messages are in order when each other one is its sender's next seq (a
-- lost message leaves a gap, a reordered one comes early or late). A "stop"
-- message ends the wait early (the bench sends it to a workflow that waits
-- too long, so that a lost message shows in the counts instead of a hang).
local function main(input)
    local inbox = process.inbox()
    local last_seq = {} -- sender -> the highest seq taken
    local seen = {} -- sender -> {seq -> true}
    local received, dups, in_order = 0, 0, true

    while received < input.expected do
        local msg = inbox:receive()
        if msg:topic() == "stop" then
            break
        end
        local data = msg:payload():data()
        local sender, seq = data.sender, data.seq
        received = received + 1
        local seen_of_sender = seen[sender]
        if seen_of_sender == nil then
            seen_of_sender = {}
            seen[sender] = seen_of_sender
        end
        if seen_of_sender[seq] then
            dups = dups + 1
        else
            seen_of_sender[seq] = true
            if seq ~= (last_seq[sender] or 0) + 1 then
                in_order = false
            end
            if seq > (last_seq[sender] or 0) then
                last_seq[sender] = seq
            end
        end
    end

    return { received = received, in_order = in_order, dups = dups }
end

return { main = main }
