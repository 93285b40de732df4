-- Methods 'function M:m(x: T): R' and dotted functions 'function M.f(...)'.
local Stack = {}
Stack.__index = Stack
function Stack.new(name)
  return setmetatable({name = name, items = {}}, Stack)
end
function Stack:push(x)
  self.items[#self.items + 1] = x
  return string.format("%s<-%d", self.name, x)
end
function Stack:pop()
  local n = #self.items
  if n == 0 then return nil end
  local top = self.items[n]
  self.items[n] = nil
  return top
end
function Stack.describe(s, ...)
  return s.name .. "[" .. #s.items .. "]" .. table.concat({...}, "")
end
local s = Stack.new("s")
print(s:push(1), s:push(2))
print(s:pop(), s:pop(), s:pop())
s:push(5)
print(Stack.describe(s, "!", "?"), s.describe(s))
