-- interface declarations: methods, extension lists, empty bodies, interface {...} types.










local Square = {}
Square.__index = Square
function Square.new(side)
  return setmetatable({side = side}, Square)
end
function Square:area() return self.side * self.side end
function Square:name() return "square" end
function Square:scale(k) return Square.new(self.side * k) end
local function report(s)
  return string.format("%s %g", s:name(), s:area())
end
local sq = Square.new(2)
print(report(sq), report(sq:scale(1.5)))
local like = sq
local none = {}
print(like:area(), next(none))
