-- x % C and x // C with a positive constant C and x of any type
local function m(x) return x % 7, x // 7, x % 1, x // 1 end
local function field(t) return t.v % 100, t.v // 100 end
for _, x in ipairs({10, -10, 0, 7, -7, math.maxinteger, math.mininteger, 10.5, -10.5, 0.0, -0.0,
                    1e308, -1e308, 1/0, -1/0, "10", "-3", "2.5", "0x10"}) do
  print(m(x))
end
print(m(0/0))
print(field({v = 12345}), field({v = -1}), field({v = 99.5}))
local M = setmetatable({}, {__mod = function(a, b) return "mod " .. tostring(b) end,
                            __idiv = function(a, b) return "idiv " .. tostring(b) end})
print(m(M))
print(pcall(m, nil))
print(pcall(m, true))
print(pcall(m, {}))
print(pcall(m, "x"))
print(pcall(field, {}))
print(pcall(field, {v = "abc"}))
-- NaN operands keep their sign (C's fmod gives them back)
local n = 0/0; local p = -n
print(n % 2, p % 2, 2 % n, 2 % p, 5 % (1/0), 5 % (-1/0), -5 % (1/0), (1/0) % 2, 2 % 0.0)
