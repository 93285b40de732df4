-- Numbers are converted to strings by `..` exactly like tostring does
local vals = {
  1, -1, 0, 3.0, -3.0, 0.0, -0.0, 1.5, 0.1, 1/3, 2/3, 100.0, 1e15, 1e16, 1e14,
  123456789012345.0, 1234567890123456.0, 1e100, -1e100, 1e-5, 1e-300, 5e-324,
  2^53, 2^63, -2^63, 2^24, 1e300 * 1e10, -1e300 * 1e10, 3.14159265358979,
  math.pi, 0.1 + 0.2, 100 / 3, 1e15 + 0.5, 12345.678, 1e21, 123e-7,
  math.maxinteger, math.mininteger, 255 / 5, 7 // 2.0,
}
for i, v in ipairs(vals) do
  local s = v .. ""
  assert(s == tostring(v))
  print(i, s, string.format("%q", v), math.type(v))
end
-- concatenation chains mixing types
print(1 .. 2 .. 3, 1 .. "" == "1", 1.0 .. "" == "1.0")
print("x" .. 10 // 3 .. "y" .. 10 / 4)
print(-0.0 .. "|" .. 0.0 .. "|" .. -0 .. "|" .. 2^63 .. "|" .. math.huge)
-- numbers round-trip through tostring/tonumber
local rt = {0.1, 1/3, 1e100, 2^53 + 1, 123456.789}
for _, v in ipairs(rt) do print(v, tonumber(tostring(v)) == v, string.format("%.17g", v)) end
-- integer-valued floats keep ".0"; huge ones use exponents
print(2^52, 2^60, 1e15 / 1, 1e16 / 1, -2^52)
