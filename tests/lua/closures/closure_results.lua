-- calls of locals that always hold closures with a known number of results
local function make_counter(start)
  local c = start
  return function(d) c = c + d; return c end, function() return c end
end
local function make_adder(x)
  return function(y) return x + y end
end
local function make_pair()
  return function() return 1, 2 end
end
local function maybe(flag)
  if flag then return function() return "one" end end
  return function() return "a", "b" end
end
local function nothing()
  return function() end
end

local total = 0
for i = 1, 5 do
  local inc, get = make_counter(i)
  local add = make_adder(i % 3)
  for j = 1, 4 do inc(add(j)) end
  total = total + get()
end
print(total)
local pair = make_pair()
print(pair())
print((pair()))
local p1, p2, p3 = pair()
print(p1, p2, p3)
local t = {pair(), pair()}
print(#t, t[1], t[2], t[3])
local m1 = maybe(true)
local m2 = maybe(false)
print(m1(), m2())
print(select("#", m2()))
local none = nothing()
print(select("#", none()), none())
local lit = function(a) return a, a end
print(lit(3))
local x, y = lit(4)
print(x, y)
-- a local reassigned later is not assumed
local g = make_adder(1)
print(g(1))
g = make_pair()
print(g())
-- nested: the closure's own result is a call
local function wrap(f) return function(...) return f(...) end end
local w = wrap(make_pair())
print(w())
