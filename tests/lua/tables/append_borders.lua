-- t[#t + 1] = v and table.insert(t, v) after the sequence changed under them
local t = {}
for i = 1, 5 do t[#t + 1] = i end
print(#t, t[5])
t[6] = "six"                  -- stored past the last border directly
t[#t + 1] = "seven?"
print(#t, t[6], t[7])
t[7] = nil                    -- the last element removed
t[#t + 1] = "again"
print(#t, t[7])
t[7], t[6] = nil, nil
table.insert(t, "ins")
print(#t, t[6], t[7])
local e = {}
e[#e + 1] = "first"
print(#e, e[1])
e[1] = nil
e[#e + 1] = "refill"
print(#e, e[1])
local z = {[0] = "zero"}
z[#z + 1] = "one"
print(#z, z[0], z[1])
local g = {}
g[#g + 1] = nil               -- nil appends nothing
print(#g, next(g))
g[2] = "two"                  -- a hole at 1
g[#g + 1] = "x"
print(g[1], g[2])
local s = {"a", "b", "c"}
for i = 1, 3 do s[#s] = nil end
s[#s + 1] = "new"
print(#s, s[1], s[2])
