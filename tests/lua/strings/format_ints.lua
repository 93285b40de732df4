-- %d %i %u %c %x %X %o with flags, width and precision
local vals = {0, 1, -1, 42, -42, 255, 65535, 2^31, math.maxinteger, math.mininteger}
for _, v in ipairs(vals) do
  print(string.format("%d|%i|%5d|%-5d|%05d|%+d|% d|%.3d|%8.4d", v, v, v, v, v, v, v, v, v))
end
for _, v in ipairs({0, 1, 10, 255, 4096, -1, math.mininteger}) do
  print(string.format("%x|%X|%#x|%#X|%o|%#o|%08x|%-8X|%.4x", v, v, v, v, v, v, v, v, v))
end
print(string.format("%c%c%c", 76, 117, 97), string.format("[%5c][%-3c]", 65, 66))
print(#string.format("%c", 0), string.format("%c", 256 + 65))
print(string.format("%d", 3.0), string.format("%x", 16.0), string.format("%d", "10"))
print(string.format("%5.0d|%.0d|", 0, 0))
print(string.format("%u", 42))
print(string.format("%i items, %d%% done", 3, 50))
print(string.format("%3d|%-3d|%03d", 12345, 12345, 12345))
print(pcall(string.format, "%d", 1.5))
print(pcall(string.format, "%d", "1.5"))
print(pcall(string.format, "%x", "abc"))
print(pcall(string.format, "%d"))
print(pcall(string.format, "%c", "x"))
print(pcall(string.format, "%d", 2^63))
print(pcall(string.format, "%100d", 1))
print(pcall(string.format, "%1000d", 1))
print(pcall(string.format, "%#d", 1))
print(pcall(string.format, "%.123d", 1))
