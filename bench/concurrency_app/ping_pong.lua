-- Ping-pong over two unbuffered channels: the main coroutine sends i on
-- `ping` and waits for the echo's i * 2 on `pong`, n times; each message is
-- a rendezvous. Returns the sum of the pongs: 2 + 4 + ... + 2n.
local function main(n)
    local ping, pong = channel.new(0), channel.new(0)

    coroutine.spawn(function()
        while true do
            local v, ok = ping:receive()
            if not ok then
                break
            end
            pong:send(v * 2)
        end
    end)

    local total = 0
    for i = 1, n do
        ping:send(i)
        total = total + pong:receive()
    end
    ping:close()
    return total
end

return { main = main }
