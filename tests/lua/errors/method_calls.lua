-- o:m(...): lookup before the arguments, and the messages of failing calls
local P = setmetatable({}, {__index = {x = "a", n = 5, t = {}}})
print(pcall(function() return P:x() end))
print(pcall(function() return P:n() end))
print(pcall(function() return P:t() end))
print(pcall(function() return P:missing() end))
local s = "abc"
print(s:rep(2), s:upper(), ("%d"):format(7), s:sub(-2))
print(pcall(function() return s:rep("x") end))
print(pcall(function() return s:nosuch() end))
print(pcall(function() return string.rep({}, 2) end))
print(pcall(function() local n = 5; return n:foo() end))
print(pcall(function() local b = true; return b:foo() end))
local log = {}
local obj = setmetatable({}, {__index = function(_, k)
  log[#log + 1] = "index " .. k
  return function(self, a) return "called with " .. tostring(a) end
end})
local function arg() log[#log + 1] = "arg"; return 1 end
print(obj:go(arg()), table.concat(log, ", "))
local C = setmetatable({}, {__call = function(self, o, a) return "callable", a end})
local holder = setmetatable({}, {__index = {m = C}})
print(holder:m(42))
local t = {v = 3}
function t:get() return self.v end
function t.static(x) return x end
print(t:get(), t.get(t), t.static(9), t:static() == t)
print(pcall(t.get))
