-- reads from tables that never hold strings: matrices, records, flags; and
-- the errors when what is read is nil, a number or a boolean
local m = {}
for i = 1, 3 do
  local row = {}
  for j = 1, 3 do row[j] = i * 10 + j end
  m[i] = row
end
local sum = 0
for i = 1, 3 do
  local r = m[i]
  for j = 1, 3 do sum = sum + r[j] + m[j][i] end
end
print(sum, m[2][3], #m, #m[1])

local recs = {{name = 1, age = 30}, {name = 2, age = 40}}
recs[3] = {name = 3, age = 50}
local total = 0
for i = 1, #recs do total = total + recs[i].age end
print(total, recs[2].name)

local missing = m[7]
print(pcall(function() return missing[1] end))
print(pcall(function() return m[8][1] end))
local nums = {1, 2.5, 3}
print(pcall(function() return nums[1].x end))
print(pcall(function() return nums[2][1] end))
local flags = {true, false}
print(pcall(function() return flags[1].x end))
local fns = {function() return "f" end}
print(pcall(function() return fns[1].x end))
print(fns[1]())

-- look-alikes that may hold strings keep the string library
local mixed = {{1}, "abc"}
print(mixed[2]:upper(), type(mixed[2].len), #mixed[2])
local later = {{1}}
later[2] = "xyz"
print(later[2]:sub(2), type(later[2].upper))
local passed = {{1}}
local function put(t) t[2] = "str" end
put(passed)
print(passed[2]:rep(2))
local from_call = {}
local function s() return "called" end
from_call[1] = s()
print(from_call[1]:upper())
local grown = {{1}}
table.insert(grown, "ins")
print(grown[2]:upper(), grown[2].upper ~= nil)
