-- math.tointeger, math.type, math.ult, min/max with mixed int/float
local vals = {0, -0.0, 1, 1.0, 1.5, -1.5, 2^53, 2^63, -2^63, math.huge, -math.huge, "8", "8.0", "x", {}, nil}
for i = 1, 16 do
  local v = vals[i]
  print(i, math.type(v), math.tointeger(v))
end
print(math.type(1), math.type(1.0), math.type("1"), math.type(nil))
print(pcall(math.type))
print(math.ult(1, 2), math.ult(-1, 2), math.ult(2, -1), math.ult(0, 0), math.ult(math.maxinteger, math.mininteger))
print(pcall(math.ult, 1.5, 2))
print(pcall(math.ult, 1))
print(math.max(1, 2.0), math.max(2.0, 1), math.max(2, 2.0), math.max(2.0, 2))
print(math.min(1, 1.0), math.min(1.0, 1), math.min(-0.0, 0), math.min(0, -0.0))
print(math.max(3), math.min(-7.5), math.max(1, 5, 3, 4.5), math.min(4, 2, 8, 2.5))
print(math.max(math.mininteger, -math.huge), math.min(math.maxinteger, math.huge))
print(math.max("10", 9), math.min("1e1", 20))
print(pcall(math.max))
print(pcall(math.min))
print(pcall(math.max, 1, "x"))
print(pcall(math.min, {}, 1))
print(math.maxinteger, math.mininteger, math.maxinteger + 1 == math.mininteger)
print(math.maxinteger + 0.0, math.mininteger + 0.0, -math.mininteger == math.mininteger)
print(math.pi, -math.pi, math.huge, -math.huge)
print(math.type(math.pi), math.type(math.huge), math.type(math.maxinteger))
print(math.tointeger(3.0), math.tointeger(3.5), math.tointeger("3"), math.tointeger(2^62))
print(1 // 0.0, -1 // 0.0, 0/0 ~= 0/0, 3 % -2, -3 % 2, 3.5 % -2, -3.5 % 2)
print(5 // 2, 5.0 // 2, -5 // 2, 5 % 3.0, 2^2, 7 / 7)
print(pcall(function() return 1 // 0 end))
print(pcall(function() return 1 % 0 end))
