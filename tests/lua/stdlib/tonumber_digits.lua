-- tonumber of plain digit strings, at and past the integer limits, and of
-- digits that are not ASCII
for _, s in ipairs({"0", "007", "42", "123456789012345678", "999999999999999999",
                    "9223372036854775807", "9223372036854775808", "18446744073709551616",
                    "00000000000000000001", "²", "\u{0661}\u{0662}", "12\u{00B2}", " 12", "12 "}) do
  local v = tonumber(s)
  print(s, v, math.type(v))
end
local function half(d) local v = tonumber(d); return v % 10, v // 10 end
print(half("1234"), half("12.5"), half("0x1F"))
print(pcall(half, "abc"))
