-- __call: extra args, method syntax, nested callables, errors
local adder = setmetatable({base = 10}, {__call = function(self, a, b)
  return self.base + (a or 0) + (b or 0), select("#", a, b)
end})
print(adder(), adder(1), adder(1, 2))
print(pcall(adder, 5))

-- varargs forwarded through __call
local function types(...)
  local out = {}
  for i = 1, select("#", ...) do out[i] = type((select(i, ...))) end
  return table.concat(out, ",")
end
local counter = setmetatable({}, {__call = function(self, ...) return select("#", ...), types(...) end})
print(counter(nil, nil))
print(counter())

-- a callable as a method
local obj = {call = counter}
print(obj:call("x"))

-- __call whose value is itself a callable table
local inner = setmetatable({}, {__call = function(self, ...) return "inner", select("#", ...), types(...), rawequal(self, inner) end})
local outer = setmetatable({}, {__call = inner})
print(outer("arg"))

-- callables in generic for, in table.sort comparators, and via pcall
local cmp = setmetatable({}, {__call = function(_, a, b) return a > b end})
local list = {3, 1, 2}
table.sort(list, function(a, b) return cmp(a, b) end)
print(pcall(table.sort, list, cmp))
print(table.concat(list, " "))
print(pcall(setmetatable({}, {__call = function(_, x) error("called with " .. x, 0) end}), "y"))

-- calling through a field and after the metatable changes
local t = {}
local mt = {__call = function() return "first" end}
setmetatable(t, mt)
print(t())
mt.__call = function() return "second" end
print(t())
mt.__call = nil
print(pcall(t))

-- callable tables used as __index functions and __newindex functions
local idx = setmetatable({}, {__call = function(_, tbl, k) return "called for " .. k end})
local uses = setmetatable({}, {__index = function(...) return idx(...) end})
print(uses.key)

-- tostring and string methods on callables
local named = setmetatable({}, {__call = function(self) return self end, __tostring = function() return "NAMED" end})
print(tostring(named()), named() == named)
-- calling a non-callable table: error names the variable
local plain = {}
plain()
