-- 64-bit integer wraparound
local maxi, mini = math.maxinteger, math.mininteger
print(maxi, mini)
print(maxi + 1 == mini, mini - 1 == maxi)
print(maxi + 1, mini - 1)
print(maxi * 2, mini * 2, maxi * maxi, mini * mini)
print(mini * -1, -mini, -mini == mini)
print(mini // -1, mini % -1)
print(maxi + maxi, mini + mini)
print(0x7fffffffffffffff, 0xffffffffffffffff, 0x8000000000000000)
print(0x10000000000000000, 0x1ffffffffffffffff)
print(9223372036854775807, 9223372036854775808, -9223372036854775808)
print(math.type(9223372036854775807), math.type(9223372036854775808))
print(math.type(-9223372036854775808), -9223372036854775807 - 1)
print(1e19 // 1, math.type(1e19 // 1))
print(maxi + 0.0, mini + 0.0, maxi + 0.0 == 2^63)
print(maxi // 1 == maxi, (maxi + 0.0) // 1)
-- multiplications that overflow in the middle of an expression
local x = 3037000500
print(x * x, x * x // x)
local acc = 1
for i = 1, 25 do acc = acc * i end
print("25! wrapped", acc)
local h = 0
for i = 1, 100 do h = h * 31 + i end
print("hash", h)
-- shifts build the extremes
print(1 << 63, (1 << 63) - 1, ~0, ~0 >> 1)
-- string to integer conversion of out-of-range decimals gives floats
print("9223372036854775807" + 0, "9223372036854775808" + 0, math.type("9223372036854775808" + 0))
print("0xffffffffffffffff" + 0, "-0x1" + 0)
print(tostring(2^63) == tostring(maxi + 1.0), 2^63 == maxi + 1.0)
print(string.format("%d", mini), string.format("%x", -1))

-- results at the 64-bit bounds exactly (the range test's edges)
local function add(a, b) return a + b end
local function sub(a, b) return a - b end
local function mul(a, b) return a * b end
print(add(math.mininteger + 1, -1) == math.mininteger, math.type(add(math.mininteger + 1, -1)))
print(sub(-1, math.maxinteger) == math.mininteger, add(math.maxinteger - 1, 1) == math.maxinteger)
print(mul(-2, 2 ^ 62 // 1) == math.mininteger, mul(-1, math.mininteger) == math.mininteger)
local function tree(a, b, c) return a * b + c end
print(tree(-2, 2 ^ 62 // 1, 0) == math.mininteger, tree(1, math.mininteger, -1) == math.maxinteger)
