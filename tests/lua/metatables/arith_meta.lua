local Vec = {}
Vec.__index = Vec
local function new(x, y) return setmetatable({x = x, y = y}, Vec) end
Vec.__add = function(a, b) return new(a.x + b.x, a.y + b.y) end
Vec.__sub = function(a, b) return new(a.x - b.x, a.y - b.y) end
Vec.__mul = function(a, b)
  if type(a) == "number" then return new(a * b.x, a * b.y) end
  if type(b) == "number" then return new(a.x * b, a.y * b) end
  return a.x * b.x + a.y * b.y
end
Vec.__div = function(a, n) return new(a.x / n, a.y / n) end
Vec.__mod = function(a, n) return new(a.x % n, a.y % n) end
Vec.__idiv = function(a, n) return new(a.x // n, a.y // n) end
Vec.__pow = function(a, n) return new(a.x ^ n, a.y ^ n) end
Vec.__unm = function(a) return new(-a.x, -a.y) end
Vec.__len = function(a) return 2 end
Vec.__concat = function(a, b)
  local sa = type(a) == "table" and "(" .. a.x .. "," .. a.y .. ")" or a
  local sb = type(b) == "table" and "(" .. b.x .. "," .. b.y .. ")" or b
  return sa .. sb
end
Vec.__tostring = function(a) return "Vec(" .. a.x .. ", " .. a.y .. ")" end
local p, q = new(1, 2), new(3, 4)
print(tostring(p + q), tostring(q - p), p * q, tostring(p * 2), tostring(3 * p))
print(tostring(q / 2), tostring(q % 2), tostring(q // 2), tostring(p ^ 2), tostring(-p))
print(#p, p .. q, "v=" .. p, p .. "!", "a" .. "b" .. p)
print(p)
local band = setmetatable({}, {__band = function() return "band" end, __shl = function() return "shl" end,
  __bnot = function() return "bnot" end, __bor = function() return "bor" end})
print(band & 1, 1 << band, ~band, band | band)
-- Right operand's metamethod is used when the left has none
local Num = {__add = function(a, b)
  local av = type(a) == "table" and a.n or a
  local bv = type(b) == "table" and b.n or b
  return av + bv
end}
local n5 = setmetatable({n = 5}, Num)
print(n5 + 1, 1 + n5, n5 + n5, "2" + n5)
