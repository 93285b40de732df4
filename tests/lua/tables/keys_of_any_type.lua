-- reads and stores with keys whose type is not known statically
local function key(i)
  local ks = {1, 2.0, "a", true, false, 1.5, "1", -0.0, 3}
  return ks[i]
end
local t = {}
for i = 1, 9 do t[key(i)] = i * 10 end
for i = 1, 9 do
  local k = key(i)
  print(i, math.type(k) or type(k), t[k])
end
print(t[1], t[true], t[false], t[2], t[0], t["1"])
local none
print(t[none], pcall(function() t[none] = 1 end))
print(pcall(function() local nan = 0 / 0; t[nan] = 1 end))
local nan = 0 / 0
print(t[nan])

-- metatables: __index for absent keys of any type, __newindex
local seen = {}
local m = setmetatable({[1] = "one"}, {
  __index = function(_, k) return "idx:" .. tostring(k) end,
  __newindex = function(tt, k, v) seen[#seen + 1] = tostring(k); rawset(tt, k, v) end,
})
for i = 1, 9 do
  local k = key(i)
  print(m[k])
end
for i = 1, 9 do m[key(i)] = i end
print(table.concat(seen, " "))
for i = 1, 9 do print(m[key(i)]) end

-- strings read the string library; other values fail with names
local s = "hello"
local f = "upper"
print(s[f](s), ("x")[f] == string.upper, s[1])
local n = nil
print(pcall(function() return n[f] end))
print(pcall(function() local b = true; return b[f] end))
local u = {inner = {}}
print(pcall(function() return u.missing[f] end))
local bools = {}
local b = true
bools[b] = "T"
bools[not b] = "F"
bools[1] = "one"
print(bools[b], bools[not b], bools[1], bools[true])
