-- getmetatable hands the class out.
local Animal = {}
Animal.__index = Animal
function Animal.new(name) return setmetatable({name = name}, Animal) end
function Animal:speak() return self.name .. " speaks" end
local a = Animal.new("cow")
print(a:speak())
getmetatable(a).speak = function(self) return "moo from " .. self.name end
print(a:speak(), Animal.speak(a))
