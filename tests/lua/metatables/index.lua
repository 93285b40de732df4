local defaults = {color = "red", size = 10}
local obj = setmetatable({size = 20}, {__index = defaults})
print(obj.color, obj.size, obj.missing, rawget(obj, "color"))
local computed = setmetatable({}, {__index = function(t, k) return k .. "!" end})
print(computed.hello, computed[1], computed.x)
-- Chains of __index tables
local a = {a = "A"}
local b = setmetatable({b = "B"}, {__index = a})
local c = setmetatable({c = "C"}, {__index = b})
print(c.a, c.b, c.c, c.d)
-- __index function receiving the original table
local calls = {}
local proxy = setmetatable({}, {__index = function(t, k) calls[#calls + 1] = k return nil end})
local _ = proxy.one, proxy.two
print(#calls, calls[1], calls[2])
-- Existing keys do not trigger __index
local counted = 0
local t = setmetatable({present = false}, {__index = function() counted = counted + 1 return "meta" end})
print(t.present, t.absent, counted)
-- __index on numeric keys
local arr = setmetatable({}, {__index = function(_, i) return i * i end})
print(arr[3], arr[4], #arr)
-- Changing the metatable's __index later
local mt = {}
local late = setmetatable({}, mt)
print(late.x)
mt.__index = {x = "now"}
print(late.x)
print(getmetatable(late) == mt, getmetatable({}), getmetatable("abc").__index == string)
