local seq = {"a", "b", "c", "d"}
for k, v in pairs(seq) do print(k, v) end
local t = {x = 1, y = 2, z = 3, 10, 20}
local keys = {}
for k in pairs(t) do keys[#keys + 1] = tostring(k) end
table.sort(keys)
print(table.concat(keys, " "))
local k, v = next(seq)
print(k, v)
print(next(seq, 4), next({}))
local count = 0
for _ in pairs(t) do count = count + 1 end
print(count)
-- Clearing fields during traversal is allowed
local m = {a = 1, b = 2, c = 3, d = 4}
for key in pairs(m) do m[key] = nil end
print(next(m))
-- pairs returns next, t, nil
local f, s, c = pairs(seq)
print(f == next, s == seq, c)
local sum = 0
for key, val in next, {5, 6, 7} do sum = sum + key * val end
print(sum)
local kv = {}
for key, val in pairs({alpha = "A", beta = "B"}) do kv[#kv + 1] = key .. "=" .. val end
table.sort(kv)
print(table.concat(kv, ";"))
print(pcall(next, {}, "nokey"))
print(select("#", pcall(pairs, nil)), (pcall(pairs, nil)))
print(pcall(function() for k in pairs(nil) do end end))
