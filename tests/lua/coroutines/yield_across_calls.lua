-- yield from nested Lua calls, metamethods, iterators and pcall
local function leaf(x)
  local got = coroutine.yield("leaf " .. x)
  return got * 2
end
local function middle(x) return leaf(x) + 1 end
local co = coroutine.create(function(x) return "result", middle(x) end)
print(coroutine.resume(co, "a"))
print(coroutine.resume(co, 10))
print(coroutine.status(co))

-- yield inside a metamethod
local obj = setmetatable({}, {
  __index = function(t, k) return coroutine.yield("index " .. k) end,
  __add = function(a, b) return coroutine.yield("add") end,
  __lt = function(a, b) return coroutine.yield("lt") end,
  __concat = function(a, b) return coroutine.yield("concat") end,
  __call = function(self, v) return coroutine.yield("call " .. v) end,
})
local co2 = coroutine.wrap(function()
  local v = obj.key
  local s = obj + 1
  local l = obj < obj
  local c = obj .. "x"
  local r = obj("arg")
  return v, s, l, c, r
end)
print(co2())
print(co2("V"))
print(co2("S"))
print(co2(false))
print(co2("C"))
print(co2("R"))

-- yield from inside a generic-for iterator function
local gen = coroutine.wrap(function()
  local function iter(_, i)
    i = i + 1
    if i <= 3 then coroutine.yield("iter step " .. i) return i end
  end
  local sum = 0
  for i in iter, nil, 0 do sum = sum + i end
  return "sum " .. sum
end)
for _ = 1, 4 do print(gen()) end

-- yield across pcall and error after resuming
local co3 = coroutine.create(function()
  local ok, e = pcall(function()
    local v = coroutine.yield("inside pcall")
    error("failed with " .. v, 0)
  end)
  coroutine.yield("pcall returned", ok, e)
  return "end"
end)
print(coroutine.resume(co3))
print(coroutine.resume(co3, "value"))
print(coroutine.resume(co3))
-- yield across a C function boundary is an error
local co4 = coroutine.create(function()
  table.sort({3, 2, 1}, function(a, b) coroutine.yield() return a < b end)
end)
print(coroutine.resume(co4))
-- yield inside xpcall with a handler
local co5 = coroutine.create(function()
  return xpcall(function() local x = coroutine.yield(1) return x + nil end, function(m) return "H:" .. m end)
end)
print(coroutine.resume(co5))
print(coroutine.resume(co5, 5))
