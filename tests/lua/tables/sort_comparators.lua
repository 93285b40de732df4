-- table.sort with comparators; checks that do not depend on stability
local function isSorted(t, lt)
  for i = 2, #t do
    if lt(t[i], t[i - 1]) then return false end
  end
  return true
end
local data = {}
for i = 1, 60 do data[i] = (i * 7919) % 101 end
table.sort(data)
print(isSorted(data, function(a, b) return a < b end), data[1], data[30], data[60])
table.sort(data, function(a, b) return a > b end)
print(isSorted(data, function(a, b) return a > b end), data[1], data[60])
local words = {"delta", "Alpha", "charlie", "bravo", "Echo", "alpha", "", "zulu"}
table.sort(words)
print(table.concat(words, ","))
table.sort(words, function(a, b) return a:lower() < b:lower() or (a:lower() == b:lower() and a < b) end)
print(table.concat(words, ","))
table.sort(words, function(a, b) return #a < #b or (#a == #b and a < b) end)
print(table.concat(words, ","))
local recs = {}
for i = 1, 20 do recs[i] = {key = (i * 13) % 7, id = i} end
table.sort(recs, function(a, b)
  if a.key ~= b.key then return a.key < b.key end
  return a.id < b.id
end)
local out = {}
for i, r in ipairs(recs) do out[i] = r.key .. ":" .. r.id end
print(table.concat(out, " "))
local keysOnly = {}
for i = 1, 20 do keysOnly[i] = {k = i % 4} end
table.sort(keysOnly, function(a, b) return a.k < b.k end)
local ks = {}
for i, r in ipairs(keysOnly) do ks[i] = r.k end
print(table.concat(ks))
local floats = {3.5, -1, 2, 0.5, -0.25, 1e10, -1e10, 7}
table.sort(floats)
print(table.concat(floats, " "))
local calls = 0
local t = {5, 3, 8, 1, 9, 2, 7}
table.sort(t, function(a, b) calls = calls + 1; return a < b end)
print(table.concat(t, " "), calls > 0)
print(pcall(table.sort, {3, 1, "x"}))
print(pcall(table.sort, {{}, {}}))
print(pcall(table.sort, {1, 2}, 3))
print(pcall(table.sort, {1, 2}, "f"))
print(pcall(table.sort))
print(pcall(table.sort, {1, 2, 3}, function(a, b) return true end))
local big = {}
for i = 1, 40 do big[i] = i % 5 end
print(pcall(table.sort, big, function(a, b) return a <= b end))
local mt = {__lt = function(a, b) return a.v < b.v end}
local objs = {}
for i = 1, 10 do objs[i] = setmetatable({v = (i * 3) % 10}, mt) end
table.sort(objs)
local vs = {}
for i, o in ipairs(objs) do vs[i] = o.v end
print(table.concat(vs, ","))
table.sort(objs, function(a, b) return b < a end)
vs = {}
for i, o in ipairs(objs) do vs[i] = o.v end
print(table.concat(vs, ","))
