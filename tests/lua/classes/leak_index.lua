-- A class reached through an object's __index, then changed: calls see the change.
local Animal = {}
Animal.__index = Animal
function Animal.new(name) return setmetatable({name = name}, Animal) end
function Animal:speak() return self.name .. " speaks" end
local a = Animal.new("cat")
print(a:speak())
local cls = a.__index
cls.speak = function(self) return self.name .. " was patched" end
print(a:speak(), Animal.speak(a))
