local callable = setmetatable({}, {__call = function(self, a, b) return "called", a, b end})
print(callable(1, 2))
print(pcall(callable, "p"))
local Adder = setmetatable({}, {__call = function(_, x) return function(y) return x + y end end})
print(Adder(3)(4))
local V = {}
V.__index = V
V.__eq = function(a, b) return a.x == b.x end
V.__lt = function(a, b) return a.x < b.x end
V.__le = function(a, b) return a.x <= b.x end
local function v(x) return setmetatable({x = x}, V) end
local a, b, c = v(1), v(2), v(1)
print(a == c, a == b, a ~= c, a < b, b < a, a <= c, b <= a, a > b, b >= a)
print(a == 1, rawequal(a, c), a == a)
local r = setmetatable({}, {__eq = function() return "truthy" end})
local s = setmetatable({}, {__eq = function() return "truthy" end})
print(r == s, r ~= s)
print(pcall(function() return a < 1 end))
local w = setmetatable({}, {__lt = function(x, y) return true end})
print(pcall(function() return w < 1, 1 < w end))
print(pcall(function() return w <= w end))
