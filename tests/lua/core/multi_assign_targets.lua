-- Multiple assignment: all target prefixes/keys and all values are evaluated
-- (left to right) before any store happens.
local log = {}
local function note(tag, v) log[#log + 1] = tag return v end
local t = {}
t[note("k1", 1)], t[note("k2", 2)] = note("v1", "a"), note("v2", "b")
print(table.concat(log, " "), t[1], t[2])

-- t[i], i = i, t[i]
local arr = {"x", "y", "z"}
local i = 2
arr[i], i = i, arr[i]
print(arr[1], arr[2], arr[3], i)
i = 3
i, arr[i] = arr[1], "changed"
print(i, arr[1], arr[3])

-- swaps and rotations with fields and upvalues
local p = {x = 1, y = 2, z = 3}
p.x, p.y, p.z = p.z, p.x, p.y
print(p.x, p.y, p.z)
local u1, u2 = "one", "two"
local function swap() u1, u2 = u2, u1 end
swap() print(u1, u2) swap() print(u1, u2)

-- fewer values: extra targets get nil; more values: evaluated then dropped
local a, b, c = 1
print(a, b, c)
local n = 0
local function inc() n = n + 1 return n end
a, b = inc(), inc(), inc(), inc()
print(a, b, n)

-- last call expands, earlier calls truncate
local function three() return 7, 8, 9 end
a, b, c = three()
print(a, b, c)
a, b, c = three(), 0
print(a, b, c)
a, b, c = 0, three()
print(a, b, c)
a, b, c = (three())
print(a, b, c)

-- the key expression is evaluated before the table is replaced
local holder = {data = {}}
local old = holder.data
holder.data, holder.data.k = {}, "stored"
print(old.k, holder.data.k)

-- globals and locals mixed
g_x, a, g_y = "gx", "la", "gy"
print(g_x, a, g_y)
g_x, g_y = g_y, g_x
print(g_x, g_y)

-- string keys computed from the previous values
local key = "first"
local store = {}
key, store[key] = "second", key .. "!"
print(key, store.first, store.second)
