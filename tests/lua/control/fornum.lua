local line = {}
local function w(...) for i = 1, select("#", ...) do line[#line + 1] = tostring((select(i, ...))) end end
local function nl() print(table.concat(line)) line = {} end
for i = 1, 3 do w(i, " ") end nl()
for i = 3, 1, -1 do w(i, " ") end nl()
for i = 1, 0 do w("never") end print("empty")
for i = 10, 1, -3 do w(i, " ") end nl()
for i = 1, 10, 4 do w(i, " ") end nl()
for i = 1.0, 2 do w(i, " ") end nl()
for i = 1, 2, 0.5 do w(i, " ") end nl()
for i = 0.1, 0.35, 0.1 do w(i, " ") end nl()
for i = 1, 3.7 do w(i, " ") end nl()
for i = 3, 0.5, -1 do w(i, " ") end nl()
for i = -1, -5, -2 do w(i, " ") end nl()
local n = 4
for i = n, n * 2, n // 2 do w(i, " ") end nl()
-- Modifying the control variable does not change the iteration.
for i = 1, 3 do
  local j = i
  i = i * 10
  w(j, ">", i, " ")
end
nl()
-- The bounds are evaluated once.
local limit = 3
for i = 1, limit do limit = 10 w(i, " ") end nl() print(limit)
local step = "2"
print(pcall(function() for i = 1, 5, step do end end))
print(pcall(function() for i = 1, 5, 0 do end end))
print(pcall(function() for i = 1, nil do end end))
print(pcall(function() for i = "a", 2 do end end))
local count = 0
for i = 1, 100 do count = count + i end
print(count)
for i = 5, 5 do print("once", i, math.type(i)) end
for i = 1.5, 1.5 do print("float once", i, math.type(i)) end
