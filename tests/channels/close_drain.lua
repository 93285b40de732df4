-- close: buffered values drain first, then nil, false; blocked receivers wake.
local ch = channel.new(3)
ch:send(1)
ch:send(2)
ch:close()
for _ = 1, 4 do
  print(ch:receive())
end

local waiting = channel.new()
local results = channel.new(2)
for i = 1, 2 do
  coroutine.spawn(function()
    local v, ok = waiting:receive()
    results:send(i .. ":" .. tostring(v) .. ":" .. tostring(ok))
  end)
end
waiting:close()
print(results:receive())
print(results:receive())

local ok, err = pcall(function()
  waiting:close()
end)
print(ok, err)
