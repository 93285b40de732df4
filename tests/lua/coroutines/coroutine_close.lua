-- coroutine.close: closing suspended/dead coroutines and pending <close> variables
local log = {}
local function closer(name)
  return setmetatable({}, {__close = function(_, err) log[#log + 1] = name .. ":" .. tostring(err) end})
end
local co = coroutine.create(function()
  local a <close> = closer("a")
  local b <close> = closer("b")
  coroutine.yield("suspended with two pending")
  log[#log + 1] = "never"
end)
print(coroutine.resume(co))
print(coroutine.close(co), coroutine.status(co))
print(table.concat(log, " ")) log = {}
print(coroutine.resume(co))
-- closing a fresh or finished coroutine
print(coroutine.close(coroutine.create(function() end)))
local done = coroutine.create(function() return 1 end)
coroutine.resume(done)
print(coroutine.close(done), coroutine.status(done))
-- closing a coroutine that died with an error returns false and the error
local failed = coroutine.create(function() error("died", 0) end)
print(coroutine.resume(failed))
print(coroutine.close(failed))
print(coroutine.close(failed))
-- an error inside __close while closing
local co2 = coroutine.create(function()
  local x <close> = setmetatable({}, {__close = function() error("close failed", 0) end})
  coroutine.yield()
end)
coroutine.resume(co2)
print(coroutine.close(co2))
print(coroutine.status(co2))
-- closing the running coroutine or a normal one is an error
local co3
co3 = coroutine.create(function()
  return pcall(coroutine.close, co3)
end)
print(coroutine.resume(co3))
print(pcall(coroutine.close, coroutine.running()))
print(pcall(coroutine.close, 1))
-- wrap'd coroutine with a to-be-closed variable, finishing normally
local w = coroutine.wrap(function()
  local c <close> = closer("w")
  coroutine.yield(1)
  return 2
end)
print(w(), table.concat(log, " "))
print(w(), table.concat(log, " "))
