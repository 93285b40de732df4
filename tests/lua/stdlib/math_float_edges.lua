-- float/integer boundaries through the math library
local function show(v) return tostring(v) .. ":" .. (math.type(v) or type(v)) end
local xs = {2^53, 2^53 + 1, 2^62, 2^63, -2^63, 2^63 - 1024, 1e15 + 0.5, -1e15 - 0.5, 0.5, -0.5, 1e-300}
for _, x in ipairs(xs) do
  print(show(x), show(math.floor(x)), show(math.ceil(x)), show(math.tointeger(x)), show(math.abs(x)))
end
print(show(math.floor(-2^63)), show(math.ceil(2^63)), show(math.floor(2^63 - 1)))
print(show(math.fmod(-6, 4)), show(math.fmod(6, -4)), show(math.fmod(-6.0, 4)), show(math.fmod(math.mininteger, 2)))
print(show(math.fmod(3, math.mininteger)), show(math.fmod(math.mininteger, math.mininteger)))
print(show(math.max(0.0, -0.0)), show(math.min(-0.0, 0.0)), show(math.max(1, 1.0, 1)))
print(show(math.modf(2^63)), show(math.modf(-2.5)))
print(show(math.abs(math.mininteger + 1)), show(-math.mininteger), show(math.mininteger // -1))
print(show(math.mininteger % -1), show(math.maxinteger * 2), show(math.maxinteger + 1.0))
print(show(3 // 0.0), show(-3 % math.huge), show(3 % -math.huge), show(0.0 / 1 * -1))
print(show(math.sqrt(2) ^ 2), show(10 // 3.0), show(2^1023 * 2), show(-(0/0) ~= -(0/0)))
print(show(math.tointeger("0x10")), show(math.tointeger(" 7 ")), show(math.tointeger(7.0)))
print(show(math.ult(-2, -1)), show(math.ult(1, -1)), show(math.ult(-1, 1)))
print(string.format("%.0f %.0f %d", 2^63, -2^63, math.tointeger(-2^63)))
print(show(1e308 + 1e308), show(-1e308 - 1e308), show(5e-324 / 2))
print(show(math.floor(0.99999999999999999)), show(math.ceil(1.0000000000000002)))
