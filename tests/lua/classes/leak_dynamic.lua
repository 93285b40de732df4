-- A class reached with a computed key, then changed.
local Animal = {}
Animal.__index = Animal
function Animal.new(name) return setmetatable({name = name}, Animal) end
function Animal:speak() return self.name .. " speaks" end
local a = Animal.new("dog")
print(a:speak())
local key = "__" .. "index"
local cls = a[key]
local what = "speak"
cls[what] = function(self) return "patched " .. self.name end
print(a:speak(), Animal.speak(a))
