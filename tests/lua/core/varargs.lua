local function count(...) return select("#", ...) end
print(count(), count(nil), count(1, nil), count(nil, nil, nil))
local function first(...) local a = ... return a end
print(first(), first(9, 8))
local function rest(a, ...) return ... end
print(rest(1, 2, 3))
print(rest(1))
local function tolist(...)
  local t = {...}
  return #t, t[1], t[#t]
end
print(tolist(4, 5, 6))
local function sum(...)
  local s = 0
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    s = s + v
  end
  return s
end
print(sum(1, 2, 3, 4.5))
local function wrap(...)
  local n, packed = select("#", ...), {...}
  return function() return n, table.unpack(packed, 1, n) end
end
print(wrap(1, nil, 3)())

local function mid(...)
  local a, b = ..., "x"
  return a, b
end
print(mid(1, 2, 3))
local function forward(f, ...) return f(...) end
print(forward(math.max, 3, 9, 2))
print(forward(select, -1, "a", "b", "c"))
local function vt(...) return {n = select("#", ...), ...} end
local v = vt(nil, 2, nil)
print(v.n, v[1], v[2], v[3])
