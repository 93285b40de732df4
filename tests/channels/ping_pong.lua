-- Unbuffered channels: each send waits for its receiver.
local ping, pong = channel.new(), channel.new(0)
local done = channel.new(1)

coroutine.spawn(function()
  for i = 1, 3 do
    local v = ping:receive()
    print("got " .. v .. " " .. i)
    pong:send("pong " .. i)
  end
  done:send(true)
end)

for i = 1, 3 do
  print("send ping " .. i)
  print("sent:", ping:send("ping"))
  print(pong:receive())
end
print("finished", done:receive())
print(ping:len(), ping:cap(), done:cap())
