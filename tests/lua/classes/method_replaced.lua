-- A function replaces a method later.
local Animal = {}
Animal.__index = Animal
function Animal.new(name) return setmetatable({name = name}, Animal) end
function Animal:speak() return self.name .. " speaks" end
local function quieten() function Animal:speak() return self.name .. " is quiet" end end
local a = Animal.new("fox")
print(a:speak())
quieten()
print(a:speak(), Animal.speak(a))
