-- A class that escapes (here: returned to the caller) is not sealed: method calls go through the metatable.
local Point = {}
Point.__index = Point

function Point.new(x, y)
    return setmetatable({x = x, y = y}, Point)
end

function Point:len2()
    return self.x * self.x + self.y * self.y
end

print(Point.new(3, 4):len2())
return Point
