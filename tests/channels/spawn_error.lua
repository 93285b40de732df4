-- An error in a spawned coroutine fails the whole program, at its position.
local ch = channel.new()
coroutine.spawn(function()
  local v = ch:receive()
  print("spawned got", v)
  local t = nil
  print(t.field)
end)
print("main sends")
ch:send(42)
print("main after send")
ch:send(43)
print("not reached")
