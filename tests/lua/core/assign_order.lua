-- Multiple assignment evaluates all expressions before assigning.
local a, b = 1, 2
a, b = b, a
print(a, b)
local t = {1, 2, 3}
local i = 1
i, t[i] = i + 1, 20
print(i, t[1], t[2])
local x, y, z = 1
x, y, z = z, x, y
print(x, y, z)
-- Rotation through a table.
local r = {"a", "b", "c"}
r[1], r[2], r[3] = r[2], r[3], r[1]
print(r[1], r[2], r[3])
-- Extra values are evaluated and dropped.
local calls = 0
local function bump() calls = calls + 1 return calls end
local p, q = bump(), bump(), bump()
print(p, q, calls)
-- Globals too.
g1, g2 = "G1", "G2"
g1, g2 = g2, g1
print(g1, g2)
