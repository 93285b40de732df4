-- `..` with operands whose types are known only at run time
local vals = {"s", 7, 2.5, 1e100, -0.0, 3.0, 2^63, math.mininteger}
for i = 1, #vals do
  local v = vals[i]
  print(v .. i, i .. v, v .. "|" .. i .. v)
end
local log = {}
local function f(x) log[#log + 1] = "f" .. tostring(x); return x end
local i = 4
print(f("a") .. i .. f("b"), table.concat(log, ","))
print(f(1) .. f(2.0) .. i, table.concat(log, ","))
local C = setmetatable({}, {__concat = function(a, b)
  return "C(" .. tostring(type(a)) .. "," .. tostring(type(b)) .. ")"
end})
local items = {C, "x", 5}
for k = 1, 3 do print(items[k] .. k, k .. items[k]) end
print(pcall(function() local t = {}; return t.missing .. i end))
print(pcall(function() local t = {b = true}; return i .. t.b end))
print(pcall(function() local n; return n .. "x" .. i end))
print(pcall(function() return vals .. i end))
local words = {"alpha", "beta"}
local counts = {}
for k = 1, 6 do
  local w = words[k % #words + 1] .. (k % 3)
  counts[w] = (counts[w] or 0) + 1
end
local keys = {}
for k in pairs(counts) do keys[#keys + 1] = k end
table.sort(keys)
for _, k in ipairs(keys) do io.write(k, "=", counts[k], " ") end
print()
