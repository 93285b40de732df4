local line = {}
local function w(...) for i = 1, select("#", ...) do line[#line + 1] = tostring((select(i, ...))) end end
local function nl() print(table.concat(line)) line = {} end
local maxi, mini = math.maxinteger, math.mininteger
for i = maxi - 2, maxi do w(i, " ") end nl()
for i = mini + 2, mini, -1 do w(i, " ") end nl()
for i = maxi - 1, maxi, 2 do w(i, " ") end nl()
for i = 1, math.huge do if i > 3 then break end w(i, " ") end nl()
for i = -1, -math.huge, -1 do if i < -3 then break end w(i, " ") end nl()
for i = 1, 0.5 do print("never") end
for i = maxi, maxi + 1.0 do w("ok", i) break end nl()
local c = 0
for i = mini, mini + 10, 5 do c = c + 1 end
print(c)
for i = 0, -1 do print("never") end
for i = 3, 1 do print("never") end
for i = 1, 3, 1.0 do w(math.type(i), " ") end nl()
