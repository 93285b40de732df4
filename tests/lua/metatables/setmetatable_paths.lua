-- setmetatable on every kind of table and argument.
local defaults = {__index = {a = "from index", b = "b from index"}}

-- a plain table whose field was set to nil before it got a metatable
local t = {a = 1, b = 2}
t.a = nil
print(setmetatable(t, defaults) == t, t.a, t.b, rawget(t, "a"))
local n = 0
for k, v in pairs(t) do n = n + 1 end
print(n)

-- replacing and removing a metatable
local other = {__index = function(_, k) return "fn " .. k end}
print(setmetatable(t, other) == t, t.a, t.zz)
print(setmetatable(t, nil) == t, t.a, getmetatable(t))
print(setmetatable({}, nil) ~= nil, getmetatable(setmetatable({}, nil)))

-- a metatable that itself has a metatable
local mt = setmetatable({}, {__index = {__index = {z = 26}}})
mt.__index = {y = 25}
local o = setmetatable({}, mt)
print(o.y, o.z)

-- protected metatables
local guarded = setmetatable({}, {__metatable = "locked"})
print(getmetatable(guarded))
print(pcall(setmetatable, guarded, {}))
print(pcall(setmetatable, guarded, nil))

-- bad arguments
print(pcall(setmetatable, 1, {}))
print(pcall(setmetatable, nil, {}))
print(pcall(setmetatable, {}, 1))
print(pcall(setmetatable, {}, "x"))
print(pcall(setmetatable, {}))
print(pcall(setmetatable))
print(select("#", setmetatable({}, {})))
