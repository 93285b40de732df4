-- %e %E %f %g %G %a %A with flags, width and precision
local vals = {0.0, -0.0, 1.0, -1.5, 3.14159265358979, 1e-10, 1e10, 123456789.125, 2^53, 1/3}
for _, v in ipairs(vals) do
  print(string.format("%f|%.2f|%10.3f|%-10.1f|%+.3f|% .1f|%010.2f", v, v, v, v, v, v, v))
  print(string.format("%e|%.2E|%12.3e|%g|%G|%.3g|%#g|%10.4G", v, v, v, v, v, v, v, v))
end
print(string.format("%a|%A|%.2a|%a|%a", 1.0, 255.5, 1/3, -0.0, 0.1))
print(string.format("%a|%a|%A", 2^-1074, 1e300, 3))
print(string.format("%f %f %f", math.huge, -math.huge, 1e308 * 10))
print(string.format("%.1f %.1f %.1f %.1f", 0.05, 0.15, 0.25, 2.5))
print(string.format("%.0f %.0f %.0f %.0f", 0.5, 1.5, 2.5, -0.5))
print(string.format("%g %g %g %g %g", 100000, 1000000, 1e-4, 1e-5, 0.0001234))
print(string.format("%.14g %.17g %.3g", 0.1, 0.1, 1234567))
print(string.format("%5.1f|%-8.3e|%+g", 2, 3, 4))
print(string.format("%f", "2.5"), string.format("%.2f", 7))
print(string.format("%#.0f %#.0e %#x", 3.0, 3.0, 0))
print(string.format("%.99f", 1/3):sub(1, 30))
print(pcall(string.format, "%f", "x"))
print(pcall(string.format, "%f", {}))
print(pcall(string.format, "%.100f", 1))
print(pcall(string.format, "%e"))
