-- tonumber with and without bases; tostring of numbers
local strs = {"10", "  10  ", "0x10", "0X1F", "0x1p4", "0x.8", "1e2", "1E-2", ".5", "5.", "1e", "0x",
  "", " ", "abc", "1 2", "- 1", "-1", "+1", "--1", "0x-1", "inf", "nan", "1e500", "-1e500",
  "9223372036854775807", "9223372036854775808", "-9223372036854775808", "0xffffffffffffffff",
  "0x7fffffffffffffff", "1.5e+3", "\t\n12\r\v\f", "12\0", "0b101", "1_000"}
for i, s in ipairs(strs) do
  local v = tonumber(s)
  print(i, string.format("%q", s), v, math.type(v))
end
print(tonumber(10), tonumber(1.5), tonumber(nil), tonumber(true), tonumber({}))
print(pcall(tonumber))
for base = 2, 36, 2 do
  print(base, tonumber("10", base), tonumber("zz", base), tonumber("11", base), tonumber("-11", base))
end
print(tonumber("ff", 16), tonumber("FF", 16), tonumber("  ff  ", 16), tonumber("fg", 16))
print(tonumber("777", 8), tonumber("8", 8), tonumber("1010", 2), tonumber("z", 36), tonumber("Z", 36))
print(tonumber("7fffffffffffffff", 16), tonumber("ffffffffffffffff", 16), tonumber("10000000000000000", 16))
print(tonumber("", 10), tonumber(" ", 10), tonumber("1.0", 10), tonumber("0x10", 16), tonumber("1e1", 10))
print(pcall(tonumber, "10", 1))
print(pcall(tonumber, "10", 37))
print(pcall(tonumber, 10, 16))
print(pcall(tonumber, "10", "x"))
print(pcall(tonumber, nil, 10))
print(tostring(1), tostring(1.0), tostring(-0.0), tostring(1e15), tostring(1e16), tostring(0.1))
print(tostring(2^63), tostring(1/3), tostring(100 / 2), tostring(-1e-5), tostring(123456789012.0))
print(1e100, 2^-1074, 12345678901234567890, 0x7fffffffffffffff + 1, 0xffffffffffffffff)
print(math.maxinteger // 1 | 0, 3 | 0, "10" + 0, "0x10" + 0, "1e1" + 0, " 5 " * 2)
