print(1 < 2, 1 <= 1.0, 2.5 > 2, -1 >= -1, 1 == 1.0, math.maxinteger < math.huge)
print(math.maxinteger + 0.0 == math.maxinteger, 2^53 == 2^53 + 1)
print(math.mininteger <= -2^63, 1/0 > math.maxinteger, -1/0 < math.mininteger)
print("a" < "b", "abc" < "abd", "a" < "B", "10" < "9", "" == "", "a" ~= "a")
local nan = 0/0
print(nan == nan, nan < 1, nan > 1, nan ~= nan, 1 < nan)
print({} == {}, "1" == 1, true == 1, false == nil, nil == nil)
local t = {}
print(t == t, t ~= {}, print == print)
print(pcall(function() return 1 < "2" end))
print(pcall(function() return {} < {} end))
print(pcall(function() return nil < 1 end))
print(pcall(function() return "x" <= 1 end))
print(pcall(function() return true > false end))
local a, b = 3, 3.0
print(a == b, a <= b, math.type(a) == math.type(b))
print(math.max(1, 2.5, -3), math.min(4, 2, 8), math.max(3, 3.0), math.min(1.0, 1))
