local function class(parent)
  local c = {}
  c.__index = c
  if parent then setmetatable(c, {__index = parent}) end
  c.new = function(...)
    local o = setmetatable({}, c)
    if o.init then o:init(...) end
    return o
  end
  return c
end
local Shape = class()
function Shape:init(name) self.name = name end
function Shape:area() return 0 end
function Shape:describe() return self.name .. " with area " .. self:area() end
local Rect = class(Shape)
function Rect:init(w, h) Shape.init(self, "rect") self.w, self.h = w, h end
function Rect:area() return self.w * self.h end
local Square = class(Rect)
function Square:init(s) Rect.init(self, s, s) self.name = "square" end
local Circle = class(Shape)
function Circle:init(r) Shape.init(self, "circle") self.r = r end
function Circle:area() return 3 * self.r * self.r end
local shapes = {Shape.new("blob"), Rect.new(2, 3), Square.new(4), Circle.new(1)}
for _, s in ipairs(shapes) do print(s:describe()) end
print(Square.area == Rect.area, rawget(Square, "area"), Square.describe == Shape.describe)
local function isinstance(o, cls)
  local mt = getmetatable(o)
  while mt do
    if mt == cls then return true end
    local parent = getmetatable(mt)
    mt = parent and parent.__index
  end
  return false
end
print(isinstance(shapes[3], Rect), isinstance(shapes[3], Shape), isinstance(shapes[4], Rect))
-- Overriding __tostring per class, inherited through the metatable chain? (metamethods are raw)
Rect.__tostring = function(r) return "Rect " .. r.w .. "x" .. r.h end
print(tostring(shapes[2]), tostring(shapes[3]):sub(1, 6) == "table:")
