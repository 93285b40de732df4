-- A class stored in another table escapes.
local Animal = {}
Animal.__index = Animal
function Animal.new(name) return setmetatable({name = name}, Animal) end
function Animal:speak() return self.name .. " speaks" end
local registry = {}
registry.animal = Animal
local a = Animal.new("elk")
print(a:speak())
registry.animal.speak = function(self) return "bugle of " .. self.name end
print(a:speak(), Animal.speak(a))
