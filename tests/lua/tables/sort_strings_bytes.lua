-- sorting strings compares bytes (C locale), including NUL and high bytes
local t = {"b", "B", "a", "A", "_", "0", "", "ab", "a\0b", "a\0", "\255", "\128x", "Z", "z", "aa", " "}
table.sort(t)
local out = {}
for i, s in ipairs(t) do out[i] = string.format("%q", s) end
print(table.concat(out, " "))
table.sort(t, function(a, b) return a > b end)
out = {}
for i, s in ipairs(t) do out[i] = (s:gsub("%c", "?"):gsub("[\128-\255]", "#")) end
print(table.concat(out, ","))
print("a" < "b", "a" < "B", "a\0" < "a\0\0", "" < "\0", "Z" < "a", "abc" < "abd", "\255" > "z")
local nums = {"10", "9", "100", "1", "09"}
table.sort(nums)
print(table.concat(nums, " "))
table.sort(nums, function(a, b) return tonumber(a) < tonumber(b) or (tonumber(a) == tonumber(b) and a < b) end)
print(table.concat(nums, " "))
local byLen = {"ccc", "a", "bb", "dddd", "", "ee"}
table.sort(byLen, function(a, b) if #a ~= #b then return #a < #b end return a < b end)
print(table.concat(byLen, ","))
local ints = {}
for i = 1, 30 do ints[i] = ((i * 7) % 30) - 15 end
ints[31] = math.maxinteger; ints[32] = math.mininteger
table.sort(ints)
print(ints[1] == math.mininteger, ints[32] == math.maxinteger, ints[2], ints[31])
local mixedNum = {3, 2.5, -1, 1e10, -0.5, 2, 2.0}
table.sort(mixedNum, function(a, b) return a < b or (a == b and math.type(a) == "integer" and math.type(b) == "float") end)
local o = {}
for i, v in ipairs(mixedNum) do o[i] = tostring(v) end
print(table.concat(o, " "))
