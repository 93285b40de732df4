-- interface declarations: methods, extension lists, empty bodies, interface {...} types.
interface Shape
  function area(self: Shape): number
  function name(self: Shape): string
end
interface Scaled: Shape
  function scale(self: Scaled, k: number): Scaled
end
interface Both : Shape, Scaled
end
interface Marker end
local Square = {}
Square.__index = Square
function Square.new(side: number): Scaled
  return setmetatable({side = side}, Square)
end
function Square:area(): number return self.side * self.side end
function Square:name(): string return "square" end
function Square:scale(k: number): Scaled return Square.new(self.side * k) end
local function report(s: Shape): string
  return string.format("%s %g", s:name(), s:area())
end
local sq = Square.new(2)
print(report(sq), report(sq:scale(1.5)))
local like: interface { area: (self: any) -> number } = sq
local none: interface {} = {}
print(like:area(), next(none))
