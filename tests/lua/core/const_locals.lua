-- <const> locals: compile-time constants and read-only bindings
local x <const> = 10
local s <const> = "const" .. "ant"
local a <const>, b, c <const> = 1, 2, 3
print(x, s, a, b, c)
b = 20
print(a, b, c)

-- a const table binding: the table itself stays mutable
local t <const> = {1, 2}
t[3] = 3
t.name = "tbl"
print(#t, t.name)

-- consts are visible in closures and nested functions
local limit <const> = 3
local function under(v) return v < limit end
print(under(2), under(3))
local function maker()
  return function() return x + limit end
end
print(maker()())

-- consts in loops: each iteration gets its own constant
local fs = {}
for i = 1, 3 do
  local sq <const> = i * i
  fs[i] = function() return sq end
end
print(fs[1](), fs[2](), fs[3]())

-- shadowing a const with a normal local is allowed
do
  local x = x + 1
  x = x * 2
  print(x)
end
print(x)

-- const with nil, false and function-call values
local n <const> = nil
local f <const> = false
local r <const> = math.max(4, 9)
print(n, f, r)
local big <const> = math.maxinteger
print(big, big + 1 == math.mininteger)
local fl <const> = 2^53
print(fl, math.type(fl))
-- constant folding across consts
local k1 <const> = 7
local k2 <const> = k1 * 6
print(k2, k2 // 5, k2 % 5, k2 / 4, -k2, ~k1)
