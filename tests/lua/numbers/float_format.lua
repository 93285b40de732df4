local values = {1e15, 1e14, 123456789012345.0, 2^63, -2^63, 10/2, -0.0, 0.1, 1/3, 100.0,
  1e-5, 123e-7, 2^24, 1e100, -1e-100, 3.14159265358979, 2^53, 1.5e300, 5e-324, 255/256}
for i, v in ipairs(values) do print(i, v, tostring(v), v .. "") end
print(math.huge, -math.huge, math.pi)
print(string.format("%g %g %g", 1e20, 0.0001, 100))
print(7.0, 7.10, -7.25, 1e0, 12345678901234567890)
