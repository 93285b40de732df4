local order = {}
local function note(x) order[#order + 1] = tostring(x) return x end
local t = {name = note("n"), [note("k")] = note("v"), other = note("o")}
print(table.concat(order, " "), t.name, t.k, t.other)
local d = {a = 1, a = 2, b = 3}
print(d.a, d.b)
local e = {["a"] = 1, a = 2}
print(e.a)
local f = {class = 1, ["x y"] = 2, z = 3}
print(f.class, f["x y"], f.z)
local g = {1, 2, x = 3}
print(#g, g.x)
local h = {}
print(next(h))
