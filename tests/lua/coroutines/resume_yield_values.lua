-- Values flow both ways through resume and yield
local co = coroutine.create(function(a, b)
  print("start", a, b)
  local c, d = coroutine.yield(a + b, a - b)
  print("got", c, d)
  local e = coroutine.yield()
  print("got", e)
  local n = select("#", coroutine.yield(nil, nil))
  print("count", n)
  return "done", a * b
end)
print(coroutine.resume(co, 5, 3))
print(coroutine.resume(co, "x", "y"))
print(coroutine.resume(co, "only"))
print(coroutine.resume(co, nil, nil, nil))
print(coroutine.resume(co))
print(coroutine.status(co))
-- extra resume arguments on the first resume are the function's arguments
local co2 = coroutine.create(function(...) return select("#", ...), ... end)
print(coroutine.resume(co2, 1, nil, 3, nil))
-- a coroutine that returns immediately
local co3 = coroutine.create(function() end)
print(coroutine.resume(co3))
print(coroutine.status(co3))
-- yield with many values
local co4 = coroutine.create(function()
  coroutine.yield(table.unpack({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}))
end)
print(coroutine.resume(co4))
-- the main function's return value count is preserved
local co5 = coroutine.create(function() return nil, nil end)
print(select("#", coroutine.resume(co5)))
-- a coroutine over a loop, accumulating sent values
local acc = coroutine.create(function()
  local total = 0
  while true do
    local v = coroutine.yield(total)
    if v == nil then break end
    total = total + v
  end
  return "final", total
end)
coroutine.resume(acc)
for _, v in ipairs({5, 10, 20}) do print(coroutine.resume(acc, v)) end
print(coroutine.resume(acc))
print(coroutine.resume(acc))
-- type of a coroutine
print(type(co), type(coroutine.running()))
