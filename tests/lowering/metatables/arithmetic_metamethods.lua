-- __add, __eq and __lt: operators on tables call the metamethods.
local V = {}
V.__index = V
V.__add = function(a, b) return setmetatable({n = a.n + b.n}, V) end
V.__eq = function(a, b) return a.n == b.n end
V.__lt = function(a, b) return a.n < b.n end
local function new(n) return setmetatable({n = n}, V) end
local a, b = new(1), new(2)
print((a + b).n, a == b, a < b, new(3) == a + b)
