print("a" .. "b" .. "c", "n" .. 1, 1 .. "", 1.0 .. "", -0.0 .. "|", 2^63 .. "", 10 // 3 .. "")
local s = ""
for i = 1, 5 do s = s .. i .. (i < 5 and "," or "") end
print(s)
local parts = {}
for i = 1, 3 do parts[#parts + 1] = "p" .. i end
print(table.concat(parts), table.concat(parts, "-"), table.concat({}, "x"))
print(table.concat({1, 2.5, "z"}, ", "), table.concat({"a", "b", "c"}, "", 2, 3))
print(pcall(function() return "a" .. {} end))
print(pcall(function() return "a" .. nil end))
print(pcall(function() return true .. "" end))
print(pcall(table.concat, {1, {}, 3}))
local x = "left" .. "mid" .. 3 .. "right"
print(x, #x)
print(("x"):rep(3, ","), ("ab"):rep(0), ("ab"):rep(1))
