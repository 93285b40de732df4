-- Code runs before the class is complete: a method defined after a call.
local Animal = {}
Animal.__index = Animal
function Animal.new(name) return setmetatable({name = name}, Animal) end
local a = Animal.new("owl")
print(pcall(function() return a:speak() end))
function Animal:speak() return self.name .. " hoots" end
print(a:speak())
function Animal:speak() return self.name .. " hoots twice" end
print(a:speak())
