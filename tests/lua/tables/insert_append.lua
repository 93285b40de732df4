-- table.insert(t, v) as a statement on local tables, next to the other forms
local t = {}
for i = 1, 5 do table.insert(t, i * i) end
table.insert(t, nil)
table.insert(t, "x")
print(#t, t[1], t[5], t[6], t[7])
local holes = {1, 2, nil, 4}
table.insert(holes, "end")
print(holes[5] or holes[3] or holes[2], #holes)
table.insert(t, 1, "first")
print(t[1], t[2], #t)
local function two() return "a", "b" end
table.insert(t, two())
print(#t, t[#t])
print(pcall(table.insert, t, 1, 2, 3))
print(select("#", table.insert(t, "v")))
local m = setmetatable({}, {__newindex = function(tt, k, v) rawset(tt, k, v .. "!") end})
table.insert(m, "meta")
print(m[1])
local shared = {}
local function add(tab, v) table.insert(tab, v) end
add(shared, 1); add(shared, 2)
print(#shared, shared[2])
local p = {}
table.insert(p, 1); table.insert(p, nil); table.insert(p, 3)
table.insert(p, false)
print(#p, p[1], p[2], p[3], p[4])
local q = {n = 1}
table.insert(q, q.n); table.insert(q, #q + 10)
print(#q, q[1], q[2])
