-- Generators built from coroutines
local function range(n, step)
  return coroutine.wrap(function()
    for i = 1, n, step or 1 do coroutine.yield(i) end
  end)
end
local out = {}
for i in range(10, 3) do out[#out + 1] = i end
print(table.concat(out, " "))

-- permutations (PIL)
local function permgen(a, n)
  n = n or #a
  if n <= 1 then coroutine.yield(a)
  else
    for i = 1, n do
      a[n], a[i] = a[i], a[n]
      permgen(a, n - 1)
      a[n], a[i] = a[i], a[n]
    end
  end
end
local function permutations(a)
  return coroutine.wrap(function() permgen(a) end)
end
for p in permutations({"a", "b", "c"}) do io.write(table.concat(p), " ") end
print()

-- fibonacci with a stateful generator, taken lazily
local function fib()
  return coroutine.wrap(function()
    local a, b = 0, 1
    while true do coroutine.yield(a) a, b = b, a + b end
  end)
end
local f = fib()
local fs = {}
for _ = 1, 15 do fs[#fs + 1] = f() end
print(table.concat(fs, ","))

-- tree walk (in-order) with recursive yields
local tree = {v = 4, l = {v = 2, l = {v = 1}, r = {v = 3}}, r = {v = 6, l = {v = 5}, r = {v = 7}}}
local function walk(node)
  if node then walk(node.l) coroutine.yield(node.v) walk(node.r) end
end
local vals = {}
for v in coroutine.wrap(function() walk(tree) end) do vals[#vals + 1] = v end
print(table.concat(vals, " "))

-- zip two generators
local function zip(g1, g2)
  return coroutine.wrap(function()
    while true do
      local a, b = g1(), g2()
      if a == nil or b == nil then return end
      coroutine.yield(a, b)
    end
  end)
end
for a, b in zip(range(3), range(10, 4)) do io.write(a, ":", b, " ") end
print()

-- filter and map pipeline
local function filter(pred, g)
  return coroutine.wrap(function()
    for v in g do if pred(v) then coroutine.yield(v) end end
  end)
end
local function map(fn, g)
  return coroutine.wrap(function() for v in g do coroutine.yield(fn(v)) end end)
end
local res = {}
for v in map(function(x) return x * x end, filter(function(x) return x % 2 == 1 end, range(9))) do
  res[#res + 1] = v
end
print(table.concat(res, " "))
-- generator yielding multiple values and nils in the middle
local multi = coroutine.wrap(function()
  coroutine.yield(1, nil, 3)
  coroutine.yield(nil, "second")
end)
print(multi())
print(multi())
print(select("#", multi()))
