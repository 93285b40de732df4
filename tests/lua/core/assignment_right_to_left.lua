-- Lua stores a multiple assignment from the last target to the first.
local a
a, a = 1, 2
print(a)
local t = {}
t.x, t.x = 1, 2
print(t.x)
g, g = "first", "second"
print(g)
local log = {}
local p = setmetatable({}, {__newindex = function(_, k, v) log[#log + 1] = k end})
p.a, p.b, p.c = 1, 2, 3
print(table.concat(log, " "))
local i = 1
local arr = {}
i, arr[i] = i + 1, 20
print(i, arr[1], arr[2])
-- With a call's values spread, adjusted, and surplus values still evaluated.
local function three() return "x", "y", "z" end
local q = setmetatable({}, {__newindex = function(t, k, v) log[#log + 1] = k .. "=" .. tostring(v); rawset(t, k, v) end})
log = {}
q.a, q.b, q.c = three()
q.d, q.e = 1, three()
q.f, q.g = three(), print("surplus evaluated")
print(table.concat(log, " "))
local u, v, w = 0, 0, 0
u, v, w = v + 1, u + 2, three()
print(u, v, w)
local x, y = 1, 2
x, y = y, x
print(x, y)
