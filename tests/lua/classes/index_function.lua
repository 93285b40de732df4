-- An __index function, and a metatable's __index changed by a method.
local Base = {}
Base.__index = function(t, k) return function(self) return "dynamic " .. k end end
local o = setmetatable({}, Base)
print(o:anything(), o:other())
local Shape = {}
Shape.__index = Shape
function Shape:name() return "shape" end
function Shape:rebase() Shape.__index = Base end
local s = setmetatable({}, Shape)
print(s:name())
print(pcall(function() s:rebase() return s:name() end))
