local Animal = {}
Animal.__index = Animal
function Animal.new(name, sound)
  local self = setmetatable({}, Animal)
  self.name = name
  self.sound = sound
  return self
end
function Animal:speak() return self.name .. " says " .. self.sound end
function Animal:rename(n) self.name = n return self end
local Dog = setmetatable({}, {__index = Animal})
Dog.__index = Dog
function Dog.new(name)
  local self = Animal.new(name, "woof")
  return setmetatable(self, Dog)
end
function Dog:fetch() return self.name .. " fetches" end
function Dog:speak() return Animal.speak(self) .. "!" end
local a = Animal.new("cat", "meow")
local d = Dog.new("rex")
print(a:speak())
print(d:speak())
print(d:fetch())
print(d:rename("max"):speak())
print(getmetatable(d) == Dog, getmetatable(a) == Animal, d.fetch ~= nil, a.fetch)
-- Class with a counter shared through the class table
local Counter = {count = 0}
Counter.__index = Counter
function Counter.new() Counter.count = Counter.count + 1 return setmetatable({id = Counter.count}, Counter) end
function Counter:describe() return "counter " .. self.id .. " of " .. self.count end
local c1, c2 = Counter.new(), Counter.new()
print(c1:describe(), c2:describe())
-- Method call on a string-keyed method stored in the instance
local inst = {greet = function(self, who) return "hi " .. who .. " from " .. self.n end, n = "inst"}
print(inst:greet("you"))
-- Varargs through methods
local Bag = {}
Bag.__index = Bag
function Bag.new() return setmetatable({items = {}}, Bag) end
function Bag:add(...) for _, v in ipairs({...}) do self.items[#self.items + 1] = v end return self end
function Bag:size() return #self.items end
print(Bag.new():add(1, 2, 3):add(4):size())
