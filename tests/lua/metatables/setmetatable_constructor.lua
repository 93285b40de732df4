-- setmetatable({...}, mt) with a table constructor: its nil fields, its
-- argument errors and the metatables it takes.
local Point = {}
Point.__index = Point
function Point.new(x, y) return setmetatable({x = x, y = y}, Point) end
function Point:sum() return (self.x or 0) + (self.y or 0) end

local p = Point.new(1, nil)
print(p.x, p.y, rawget(p, "y"), p:sum())
local n = 0
for k, v in pairs(p) do n = n + 1 end
print(n, next(Point.new(nil, nil)))

-- a nil field that is not a local: a call, a field, a global
local function none() end
local holder = {}
local q = setmetatable({a = none(), b = holder.missing, c = undefined_global, d = 4}, Point)
n = 0
for k, v in pairs(q) do n = n + 1 end
print(n, q.d, rawget(q, "a"))

-- the metatable read from a field or a global (the constructor runs first)
local order = {}
local mts = setmetatable({}, {__index = function(_, k) order[#order + 1] = "mt " .. k; return Point end})
local r = setmetatable({x = (function() order[#order + 1] = "x"; return 5 end)(), y = 6}, mts.point)
print(r:sum(), table.concat(order, ","))
G = Point
print(setmetatable({x = 1, y = 1}, G):sum())

-- positional items and computed keys
local s = setmetatable({10, 20, nil, 40, [7] = "seven", ["k"] = false}, {__index = function(_, k) return "none" end})
print(#s >= 2, s[1], s[3], s[7], s.k, s.other)

-- errors keep setmetatable's own messages and the caller's line
print(pcall(function() return setmetatable({}, 5) end))
print(pcall(function() return setmetatable({x = 1}, "mt") end))
print(pcall(function() return setmetatable({x = 1}, true) end))
print(getmetatable(setmetatable({x = 1}, nil)))
local ok, err = pcall(function() local t = setmetatable({}, 1) end)
print(ok, err)

-- a protected metatable is the constructor's business only later
local locked = setmetatable({v = 1}, {__metatable = "no"})
print(getmetatable(locked), pcall(setmetatable, locked, {}))

-- values of every static type (never nil)
local f = setmetatable({n = 1, s = "s", b = false, t = {}, fn = function() end, c = 1 .. 2}, {})
local count = 0
for _ in pairs(f) do count = count + 1 end
print(count, f.b)

-- debug.setmetatable on a table applies the metamethods as setmetatable does
local d = debug.setmetatable({}, {__index = function(_, k) return k .. "!" end})
print(d.hey, getmetatable(d) ~= nil)
debug.setmetatable(d, nil)
print(d.hey, getmetatable(d))
