local k1, k2 = true, 1
local t = {[k1] = "T", [k2] = "one", [1.0] = "float one"}
print(t[true], t[1])
local u = {[true] = "T", [1] = "one", [false] = "F", [0] = "zero"}
print(u[true], u[1], u[false], u[0])
local v = {[1] = "bracket", "positional"}
print(v[1])
local w = {[2] = "b2", "p1", "p2", [3] = "b3"}
print(w[1], w[2], w[3])
local x = {[1] = "a", nil}
print(x[1])
local function two() return "r1", "r2" end
local y = {[2] = "kept?", two()}
print(y[1], y[2])
local key = "dyn"
local z = {[key] = 1, [key .. "2"] = 2, dyn3 = 3}
print(z.dyn, z.dyn2, z.dyn3)
local nested = {[{}] = "table key"}
local count = 0
for k, v in pairs(nested) do count = count + 1 print(type(k), v) end
print(count)
print(pcall(function() return {[nil] = 1} end))
print(pcall(function() return {[0/0] = 1} end))
local n = {x = nil, y = 1}
print(n.x, n.y, next(n))
