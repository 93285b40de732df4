-- Errors in coroutines: resume returns false and the message; dead coroutines
local co = coroutine.create(function(x)
  coroutine.yield(x)
  error("oops")
end)
print(coroutine.resume(co, 1))
print(coroutine.resume(co))
print(coroutine.status(co))
print(coroutine.resume(co))
-- error objects that are not strings
local t = {}
local co2 = coroutine.create(function() error(t) end)
local ok, e = coroutine.resume(co2)
print(ok, e == t)
local co3 = coroutine.create(function() error() end)
print(coroutine.resume(co3))
local co4 = coroutine.create(function() error("no position", 0) end)
print(coroutine.resume(co4))
-- runtime errors carry variable info
local co5 = coroutine.create(function() local v; return v.field end)
print(coroutine.resume(co5))
-- errors raised after several yields
local co6 = coroutine.create(function()
  for i = 1, 3 do coroutine.yield(i) end
  return nil + 1
end)
for _ = 1, 5 do print(coroutine.resume(co6)) end
-- yield outside of a coroutine
print(pcall(coroutine.yield, 1))
-- bad arguments
print(pcall(coroutine.create, 1))
print(pcall(coroutine.create))
print(pcall(coroutine.resume, {}))
print(pcall(coroutine.wrap, nil))
-- a coroutine whose body calls a nil global
local co7 = coroutine.create(function() missing_function() end)
print(coroutine.resume(co7))
-- an error caught inside the coroutine does not kill it
local co8 = coroutine.create(function()
  local ok, err = pcall(error, "inner", 0)
  coroutine.yield(ok, err)
  return "still alive"
end)
print(coroutine.resume(co8))
print(coroutine.resume(co8))
print(coroutine.status(co8))
-- resuming a dead wrapped coroutine raises
local w = coroutine.wrap(function() return 1 end)
print(w())
print(pcall(w))
