-- Generic for: iterator triples, stateless iterators, closures, multiple values
local function iter(state, control)
  if control < state.n then
    control = control + 1
    return control, state[control], control * control
  end
end
local st = {n = 3, "a", "b", "c"}
for i, v, sq in iter, st, 0 do io.write(i, v, sq, " ") end print()

-- ipairs-like stateless iterator written in Lua
local function inext(t, i)
  i = i + 1
  local v = t[i]
  if v ~= nil then return i, v end
end
local function myipairs(t) return inext, t, 0 end
for i, v in myipairs({10, 20, nil, 40}) do io.write(i, "=", v, " ") end print()

-- a closure-based iterator
local function range(n, step)
  local i = 0
  return function()
    i = i + (step or 1)
    if i <= n then return i end
  end
end
for x in range(5, 2) do io.write(x, " ") end print()

-- the loop ends only when the FIRST value is nil
local function pairsish()
  local k = 0
  return function()
    k = k + 1
    if k == 1 then return 1, nil end
    if k == 2 then return false, "second" end
    if k == 3 then return nil, "ignored" end
  end
end
for a, b in pairsish() do print("got", a, b) end

-- extra/missing variables are adjusted
for a, b, c, d in iter, st, 1 do print(a, b, c, d) end
for a in iter, st, 2 do print(a) end

-- changing the visible control variable does not change iteration
for i, v in iter, st, 0 do
  i = i + 10
  io.write(i, " ")
end
print()

-- the explist is evaluated once and adjusted to the triple
local calls = 0
local function factory()
  calls = calls + 1
  return iter, st, 0, nil, "extra"
end
for i in factory() do end
print("factory calls", calls)

-- next used directly over an array-only table (order 1..n)
for k, v in next, {"p", "q", "r"} do io.write(k, v, " ") end print()
-- a string iterator
for w in string.gmatch("one two three", "%a+") do io.write("[", w, "]") end print()
-- nested generic loops sharing an iterator function
for i in range(2) do for j in range(2) do io.write(i, j, " ") end end print()
-- iterator that is a callable table
local callable = setmetatable({}, {__call = function(self, s, c)
  if c < 3 then return c + 1 end
end})
for i in callable, nil, 0 do io.write(i, " ") end print()
-- calling a non-function iterator
print(pcall(function() for x in 42 do end end))
print(pcall(function() for x in nil do end end))
