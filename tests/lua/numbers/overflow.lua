local maxi, mini = math.maxinteger, math.mininteger
print(maxi + 1 == mini, mini - 1 == maxi, maxi * 2, mini * -1)
print(mini // -1, mini % -1, -mini == mini)
print(maxi + 1.0, mini - 1.0, maxi + 0.0 == 2^63)
print(maxi // 1, maxi // -1, 1 // -1)
print(9007199254740993, 2^53 + 1)
print(math.abs(mini), math.abs(-5), math.abs(-5.5))
print(5 // 0.0, -5 % math.huge, 5 % -math.huge)
print(tostring(2^63) == "9.2233720368548e+18", math.tointeger(2^53))
print(1e308 * 10, -1e308 * 10)
local big = 1
for i = 1, 70 do big = big * 2 end
print(big)
local f = 1.0
for i = 1, 70 do f = f * 2 end
print(f)
print(maxi < 2^63, maxi + 1.0 > maxi, mini == -2^63, mini < -2^63)
