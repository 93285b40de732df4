-- Lua's own coroutines keep working inside spawned coroutines, and a Lua
-- coroutine may wait on a channel.
local results = channel.new(4)
local gate = channel.new()

coroutine.spawn(function()
  local gen = coroutine.wrap(function()
    for i = 1, 3 do
      coroutine.yield(i * 10)
    end
  end)
  print("gen", gen(), gen(), gen())
  local co = coroutine.create(function(a)
    local b = coroutine.yield(a + 1)
    local v = gate:receive() -- waits on a channel inside a Lua coroutine
    return b .. "/" .. v
  end)
  print("resume 1", coroutine.resume(co, 1))
  print("status", coroutine.status(co))
  print("resume 2", coroutine.resume(co, "b"))
  print("status", coroutine.status(co))
  results:send("first done")
end)
print("main: spawned (the first waits on gate)")
print("isyieldable in main", coroutine.isyieldable())
gate:send("g")
print(results:receive())

coroutine.spawn(function()
  local co = coroutine.wrap(function()
    error("inside a Lua coroutine")
  end)
  print("caught", pcall(co))
  results:send("second done")
end)
print(results:receive())
