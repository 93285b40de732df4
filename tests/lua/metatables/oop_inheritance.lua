-- Classes with `:` methods, inheritance chains, super calls, class fields
local Animal = {count = 0}
Animal.__index = Animal
function Animal.new(name, sound)
  local self = setmetatable({}, Animal)
  self.name, self.sound = name, sound
  Animal.count = Animal.count + 1
  return self
end
function Animal:speak() return self.name .. " says " .. self:noise() end
function Animal:noise() return self.sound end
function Animal.__tostring(a) return "Animal<" .. a.name .. ">" end

local Dog = setmetatable({}, {__index = Animal})
Dog.__index = Dog
Dog.__tostring = Animal.__tostring
function Dog.new(name)
  local self = Animal.new(name, "woof")
  return setmetatable(self, Dog)
end
function Dog:noise() return Animal.noise(self):upper() .. "!" end
function Dog:fetch(item) return self.name .. " fetches " .. (item or "nothing") end

local Puppy = setmetatable({}, {__index = Dog})
Puppy.__index = Puppy
Puppy.__tostring = function(x) return "Puppy<" .. x.name .. ">" end
function Puppy.new(name)
  local self = Dog.new(name)
  return setmetatable(self, Puppy)
end
function Puppy:noise() return "yip (" .. Dog.noise(self) .. ")" end

local a, d, p = Animal.new("cat", "meow"), Dog.new("rex"), Puppy.new("bit")
print(a:speak())
print(d:speak())
print(p:speak())
print(p:fetch("ball"), d:fetch())
print(tostring(a), tostring(d), tostring(p))
print(Animal.count, p.count, rawget(p, "count"))
print(getmetatable(p) == Puppy, getmetatable(Puppy).__index == Dog)
-- instance fields shadow class fields
p.noise = function(self) return "instance override" end
print(p:speak())
p.noise = nil
print(p:speak())
-- method call on expression results and chained calls
local Builder = {}
Builder.__index = Builder
function Builder.new() return setmetatable({parts = {}}, Builder) end
function Builder:add(s) self.parts[#self.parts + 1] = s return self end
function Builder:build() return table.concat(self.parts, "-") end
print(Builder.new():add("a"):add("b"):add("c"):build())
-- `:` evaluates the receiver once
local evals = 0
local function get() evals = evals + 1 return d end
print(get():fetch("stick"), evals)
-- a method called with `.` needs the explicit self
print(pcall(Dog.fetch))
print(Dog.fetch({name = "fake"}, "x"))
-- calling a missing method is an error naming the method
p:fly()
