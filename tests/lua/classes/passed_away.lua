-- A class given to a function, which changes it.
local Animal = {}
Animal.__index = Animal
function Animal.new(name) return setmetatable({name = name}, Animal) end
function Animal:speak() return self.name .. " speaks" end
local function patch(c) c.speak = function(self) return "patched " .. self.name end end
local a = Animal.new("hen")
print(a:speak())
patch(Animal)
print(a:speak(), Animal.speak(a))
