-- local functions called by name with exact, fewer and surplus arguments;
-- multi-value last arguments; functions that escape; results used as one value
local function exact(a, b) return a * 10 + b end
print(exact(1, 2), exact(3, 4))

local function fewer(a, b, c) return a, b, c end
print(fewer(1, 2, 3))
print(fewer(1))
print(fewer())

local function surplus(a) return a end
print(surplus(1, 2, 3), surplus(4))

local function two() return 5, 6 end
local function spread_into(a, b, c) return a, b, c end
print(spread_into(two()))
print(spread_into(1, two()))
print(spread_into((two())))
print(spread_into(...))

local function rec(n, acc)
  if n == 0 then return acc end
  return rec(n - 1, acc + n)
end
print(rec(100, 0))

local function later(x) return x + 1 end
local escaped = later
print(escaped(1, 2, 3), later(41))
print(pcall(later, 1, 2))
print(select("#", later(1)))

local function zero() end
print(zero(), select("#", zero()))
local function in_loop(i, j, k)
  return (i or 0) + (j or 0) + (k or 0)
end
local s = 0
for i = 1, 3 do s = s + in_loop(i) + in_loop(i, i) + in_loop(i, i, i) end
print(s)

-- a call's first value in every one-value position
local function many() return 1, 2, 3 end
local function none() end
local t = {many(), (many()), x = many(), y = none()}
print(#t, t[1], t[2], t.x, t.y)
print(many() + 1, (none()) == nil, -many())
local a, b = many(), none()
print(a, b)
print(pcall(type, none()))
print(not none())

-- f(a, g()): the callee and the other arguments are evaluated before g runs
local function f(...) return "old", ... end
local function g() f = function(...) return "new", ... end; return 1, 2 end
print(f(g()))
print(f(g()))
local x = 5
local function setx() x = 9; return 0, 1 end
local function show(...) return table.concat({...}, ",") end
print(show(x, setx()), x)
local y = 1
local function sety() y = 2; return "r" end
print(show(y, sety()), show(y, (sety())), y)
local function pair() return 1, 2 end
local function none2() end
print(select("#", show(pair())), show(1, pair()), show(1, none2()), show((pair())))
