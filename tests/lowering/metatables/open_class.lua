-- A class that escapes (here: returned to the caller) is not sealed: method calls go through the metatable.
local Point = {}
Point.__index = Point

function Point.new(x, y)
    return setmetatable({x = x, y = y}, Point)
end

function Point:moved(dx)
    return Point.new(self.x + dx, self.y)
end

print(Point.new(3, 4):moved(1).x)
return Point
