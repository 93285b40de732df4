-- The class's own metatable is changed at run time.
local A = {}
A.__index = A
function A:who() return "A" end
local B = {}
B.__index = B
setmetatable(B, A)
local C = {}
C.__index = C
function C:who() return "C" end
local b = setmetatable({}, B)
print(b:who())
local function rewire(t, m) setmetatable(t, m) end
rewire(B, C)
print(b:who())
