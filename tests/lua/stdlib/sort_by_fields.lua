-- table.sort with comparators that compare fields lexicographically: the
-- result, ties, errors and odd elements are Lua's
local seed = 7
local function rand(m)
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % m
end
local function ids(t, field)
  local out = {}
  for i, p in ipairs(t) do out[i] = tostring(p[field or "id"]) end
  return table.concat(out, " ")
end
local function people(n, ages, scores)
  local t = {}
  for i = 1, n do t[i] = {id = i, age = rand(ages), score = rand(scores), name = "p" .. rand(1000)} end
  return t
end

-- distinct keys (the id breaks every tie)
local t = people(60, 9, 5)
table.sort(t, function(a, b)
  if a.score ~= b.score then return a.score > b.score end
  if a.age ~= b.age then return a.age < b.age end
  return a.id < b.id
end)
print(ids(t))

-- ties: only score and age; equal elements land where Lua's quicksort puts them
local u = people(80, 4, 3)
table.sort(u, function(a, b)
  if a.score ~= b.score then return a.score > b.score end
  return a.age < b.age
end)
print(ids(u))

-- one field, both directions, operands swapped
local v = people(40, 1000, 7)
table.sort(v, function(a, b) return b.age < a.age end)
print(ids(v, "age"))
table.sort(v, function(x, y) return x.age < y.age end)
print(ids(v, "age"))
local function by_name(p, q) return p.name < q.name end
table.sort(v, by_name)
print(ids(v, "name"))
table.sort(v, function(a, b) return a.name > b.name end)   -- descending strings
print(ids(v, "name"))

-- floats, mixed with integers, NaN, -0.0
local f = {}
for i = 1, 12 do f[i] = {id = i, w = (i % 4 == 0) and i * 0.5 or i % 5} end
table.sort(f, function(a, b) if a.w ~= b.w then return a.w < b.w end return a.id < b.id end)
print(ids(f), ids(f, "w"))
local z = {{id = 1, w = 0.0}, {id = 2, w = -0.0}, {id = 3, w = 1}}
table.sort(z, function(a, b) return a.w < b.w end)
print(ids(z))
local nan = {{id = 1, w = 0/0}, {id = 2, w = 1}, {id = 3, w = 2}}
print(pcall(function() table.sort(nan, function(a, b) return a.w < b.w end) end))

-- fields of the wrong type: Lua's errors
local bad = {{id = 1, k = 1}, {id = 2, k = "x"}, {id = 3, k = 2}}
print(pcall(function() table.sort(bad, function(a, b) return a.k < b.k end) end))
local missing = {{id = 1, k = 1}, {id = 2}, {id = 3, k = 2}}
print(pcall(function() table.sort(missing, function(a, b) return a.k < b.k end) end))
local notables = {{id = 1}, 5, {id = 3}}
print(pcall(function() table.sort(notables, function(a, b) return a.id < b.id end) end))

-- elements whose fields come from __index; a sequence with a metatable
local Proto = {__index = {k = 10}}
local m = {setmetatable({id = 1}, Proto), {id = 2, k = 5}, setmetatable({id = 3, k = 20}, Proto)}
table.sort(m, function(a, b) return a.k < b.k end)
print(ids(m))
local counted = 0
local seq = setmetatable({{id = 3}, {id = 1}, {id = 2}}, {__index = function(_, i) counted = counted + 1 end})
table.sort(seq, function(a, b) return a.id < b.id end)
print(ids(seq), counted)

-- a comparator with effects is not of the pattern: every call still happens
local calls = 0
local w = people(30, 50, 50)
table.sort(w, function(a, b) calls = calls + 1; return a.id > b.id end)
print(ids(w), calls > 0)

-- short tables
local one = {{id = 1}}
table.sort(one, function(a, b) return a.id < b.id end)
local empty = {}
table.sort(empty, function(a, b) return a.id < b.id end)
print(#one, #empty)

-- near misses of the pattern: the test and the result compare different fields
local odd = people(40, 6, 4)
table.sort(odd, function(a, b)
  if a.score ~= b.score then return a.age < b.age end
  return a.id < b.id
end)
print(ids(odd))
local mixed_params = people(20, 30, 30)
table.sort(mixed_params, function(a, b)
  if a.score ~= a.score then return a.score < b.score end
  return a.id > b.id
end)
print(ids(mixed_params))

-- argument errors name 'sort', as the Lua source calls it
local nothing
print(pcall(function() table.sort(nothing, function(a, b) return a.x < b.x end) end))
print(pcall(function() table.sort("abc", function(a, b) return a.x > b.x end) end))
