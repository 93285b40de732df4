-- __eq, __lt, __le: when they are called and how results are converted
local log = {}
local mt = {}
mt.__eq = function(a, b) log[#log + 1] = "eq" return a.v == b.v end
mt.__lt = function(a, b)
  log[#log + 1] = "lt"
  local av = type(a) == "table" and a.v or a
  local bv = type(b) == "table" and b.v or b
  return av < bv
end
mt.__le = function(a, b)
  log[#log + 1] = "le"
  local av = type(a) == "table" and a.v or a
  local bv = type(b) == "table" and b.v or b
  return av <= bv
end
local function V(v) return setmetatable({v = v}, mt) end
local a, b, c = V(1), V(2), V(1)
print(a == c, a ~= c, a == b, a == a)
print(table.concat(log, " ")) log = {}
-- __eq is not called for different types or raw-equal operands
print(a == 1, 1 == a, a == "x", a == nil)
print(#log)
-- __lt / __le and the swapped forms
print(a < b, a > b, a <= b, a >= b, b <= a)
print(table.concat(log, " ")) log = {}
-- mixed with numbers: the metamethod gets the number as an operand
print(a < 5, 0 < a, a <= 1, 1 >= a)
print(table.concat(log, " ")) log = {}
-- results are converted to booleans
local truthy = setmetatable({}, {__eq = function() return "yes" end, __lt = function() return 0 end,
  __le = function() return nil end})
local other = setmetatable({}, getmetatable(truthy))
print(truthy == other, truthy < other, truthy <= other, not (truthy <= other))
-- only one operand needs the metamethod (the first one found is used)
local plain = {}
local only_right = setmetatable({}, {__eq = function() return true end, __lt = function() return true end})
print(plain == only_right, only_right == plain, plain < only_right)
-- different __eq functions: the left one wins
local L = setmetatable({}, {__eq = function() return "left" and true end})
local R = setmetatable({}, {__eq = function() return false end})
print(L == R, R == L)
-- without __le there is no fallback to not __lt in Lua 5.4
local only_lt = setmetatable({}, {__lt = function() return true end})
print(pcall(function() return only_lt <= only_lt end))
print(pcall(function() return {} < {} end))
print(pcall(function() return {} <= 1 end))
print(pcall(function() return "a" < 1 end))
-- sorting with __lt
local items = {V(3), V(1), V(2)}
table.sort(items)
print(items[1].v, items[2].v, items[3].v)
