-- A class whose own metatable has an __index function: a missing key runs
-- code that gets the class itself, and changes it.
local Lazy = setmetatable({}, {__index = function(class, key)
  class.greet = function(self) return "patched greet for " .. self.name end
  return function(self) return key .. " made on demand" end
end})
Lazy.__index = Lazy
function Lazy.new(name) return setmetatable({name = name}, Lazy) end
function Lazy:greet() return "hello " .. self.name end
local o = Lazy.new("ivy")
print(o:greet())
print(o:wave())
print(o:greet(), Lazy.greet(o))
