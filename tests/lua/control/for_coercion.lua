local r = {}
for i = 1, "3" do r[#r + 1] = i end
print(table.concat(r, " "))
r = {}
for i = "1", 2 do r[#r + 1] = tostring(i) end
print(table.concat(r, " "))
r = {}
for i = 1, 3, "1" do r[#r + 1] = tostring(i) end
print(table.concat(r, " "))
r = {}
for i = 3, 1, -1.5 do r[#r + 1] = tostring(i) end
print(table.concat(r, " "))
print(pcall(function() for i = 1, "x" do end end))
print(pcall(function() for i = 1, 2, {} do end end))
print(pcall(function() for i = 1.5, 2, 0 do end end))
print(pcall(function() for i = true, 2 do end end))
local limit = 2^52
local c = 0
for i = limit - 2, limit do c = c + 1 end
print(c)
local big = math.maxinteger
c = 0
for i = big - 1, big + 10.0 do c = c + 1 end
print(c)
c = 0
for i = math.mininteger, math.mininteger + 2 do c = c + 1 end
print(c)
for i = 1, 0, 1 do print("never") end
for i = 0.0, -0.5, -0.25 do print(i) end
