-- Comparisons between integers and floats are exact (no rounding)
local maxi, mini = math.maxinteger, math.mininteger
print(1 == 1.0, 1 < 1.5, -1 > -1.5, 0 == -0.0, 0.0 == -0)
print(maxi == 2^63, maxi < 2^63, maxi + 0.0 == 2^63, maxi <= 2^63)
print(mini == -2^63, mini <= -2^63, mini < -2^63, mini + 0.0 == -2^63)
print(2^53 == 2^53 + 1, 2^53 + 1 == 9007199254740993, 9007199254740993 > 2^53)
print(9007199254740993 < 2^53 + 2, 9007199254740992 == 2^53)
print(9007199254740993 == 9007199254740993.0, math.type(9007199254740993.0))
print(maxi < math.huge, mini > -math.huge, maxi > 1e18, mini < -1e18)
local nan = 0/0
print(nan == nan, nan ~= nan, nan < 1, nan > 1, nan <= nan, 1 < nan, maxi < nan)
print(1 == "1", "1" == 1, "abc" < "abd", "Z" < "a", "" < "a", "a" < "aa")
print("10" < "9", "10" < "2", "a\0b" < "a\0c", "a\0" > "a")
-- mixed comparisons of large values
print(maxi - 1 < maxi + 0.0, maxi == maxi + 0.0, maxi ~= maxi + 0.0)
print(2^63 > maxi, -2^63 >= mini, -2^63 > mini)
print(1e308 > maxi, -1e308 < mini)
-- table keys: floats with integral values are normalized
local t = {}
t[1] = "int"
t[1.0] = "float"
t[2^53] = "big"
print(t[1], #t, t[9007199254740992], t[2^53])
t[-0.0] = "negzero"
print(t[0], t[0.0])
t[1.5] = "frac"
print(t[1.5], t[3/2])
print(rawequal(1, 1.0), rawequal(0, -0.0), rawequal("1", 1))
-- comparison operators return booleans; chained via and/or
print(1 < 2 and 2 < 3, 1 < 2 == true, (1 < 2) == (2 < 1))
print(math.max(1, 1.0), math.type(math.max(1, 1.0)), math.min(2.0, 2))
print(math.ult(1, -1), math.ult(-1, 1), 1 < -1)
