local line = {}
local function w(...) for i = 1, select("#", ...) do line[#line + 1] = tostring((select(i, ...))) end end
local function nl() print(table.concat(line)) line = {} end
-- Stateless iterator
local function iter(t, i)
  i = i + 1
  if t[i] ~= nil then return i, t[i] end
end
local function myipairs(t) return iter, t, 0 end
for i, v in myipairs({"a", "b", "c"}) do w(i, "=", v, " ") end
nl()
-- Closure iterator
local function range(n)
  local i = 0
  return function()
    i = i + 1
    if i <= n then return i end
  end
end
local s = 0
for v in range(5) do s = s + v end
print(s)
-- Iterator returning several values, loop taking fewer / more
local function triples()
  local i = 0
  return function()
    i = i + 1
    if i <= 2 then return i, i * 10, i * 100 end
  end
end
for a in triples() do w(a, " ") end nl()
for a, b, c, d in triples() do w(a, b, c, tostring(d), " ") end nl()
-- Stops at the first nil of the first variable, even with more values
local function stopper()
  local i = 0
  return function()
    i = i + 1
    if i == 3 then return nil, "ignored" end
    return i
  end
end
for v in stopper() do w(v, " ") end nl()
-- false as control value does not stop
local function falses()
  local done = false
  return function()
    if done then return nil end
    done = true
    return false, "second"
  end
end
for a, b in falses() do print(a, b) end
-- Explicit triple with next
local t = {10, 20, 30}
local sum = 0
for k, v in next, t do sum = sum + k * v end
print(sum)
-- A callable table as iterator
local calls = setmetatable({n = 0}, {__call = function(self, s, c)
  self.n = self.n + 1
  if self.n <= 3 then return self.n end
end})
for v in calls do w(v, " ") end nl()
-- Iterator and state expressions evaluated once
local made = 0
local function mk() made = made + 1 return range(2) end
for _ in mk() do end
print(made)
