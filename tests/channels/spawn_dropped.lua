-- When the main function returns, coroutines still waiting are dropped.
local never = channel.new()
local buffered = channel.new(5)
for i = 1, 3 do
  coroutine.spawn(function()
    print("waiting " .. i)
    never:receive()
    print("never printed " .. i)
  end)
end
coroutine.spawn(function()
  for i = 1, 10 do
    buffered:send(i)
  end
  print("never printed: the buffer is full")
end)
print("main returns with", buffered:len(), "buffered")
