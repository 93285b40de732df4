-- string.pack / unpack with strings, floats and positions
local function hex(s)
  return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end))
end
print(hex(string.pack("z", "abc")), hex(string.pack("s1", "abc")), hex(string.pack("<s2", "ab")))
print(hex(string.pack("c5", "ab")), hex(string.pack("c2", "ab")), hex(string.pack("c0", "")))
print(string.unpack("z", "hello\0world\0"))
print(string.unpack("zz", "hello\0world\0"))
print(string.unpack("s1", "\3abcdef"), string.unpack("c3", "abcdef", 2))
print(string.unpack("<s4", string.pack("<s4", "long string here")))
print(string.unpack("c0", "abc"))
print(string.unpack("<d", string.pack("<d", 1.5)), string.unpack(">f", string.pack(">f", -2.25)))
print(string.unpack("n", string.pack("n", 0.1)), string.unpack("f", string.pack("f", 0.1)))
print(string.unpack("<d", string.pack("<d", math.huge)), string.unpack("<d", string.pack("<d", -0.0)))
print(hex(string.pack("<d", 1.0)), hex(string.pack(">f", 1.0)), hex(string.pack("<n", 3)))
print(string.unpack("<d", string.pack("<d", 3)))
local packed = string.pack("<i4 z d s1 B", 42, "name", 2.5, "xy", 200)
print(#packed, string.unpack("<i4 z d s1 B", packed))
local pos, vals = 1, {}
local data = string.pack("<i2i2i2", 10, 20, 30)
while pos <= #data do
  local v
  v, pos = string.unpack("<i2", data, pos)
  vals[#vals + 1] = v .. "@" .. pos
end
print(table.concat(vals, " "))
print(string.unpack("<i2", data, -2))
print(pcall(string.pack, "c2", "abc"))
print(pcall(string.pack, "z", "a\0b"))
print(pcall(string.pack, "s1", string.rep("x", 256)))
print(pcall(string.pack, "d", "x"))
print(pcall(string.pack, "z", {}))
print(pcall(string.unpack, "z", "abc"))
print(pcall(string.unpack, "s1", "\5ab"))
print(pcall(string.unpack, "c4", "ab"))
print(pcall(string.unpack, "d", "short"))
print(pcall(string.pack, "c", "x"))
print(select("#", string.unpack("", "abc")), string.unpack("", "abc", 4))
print(pcall(string.unpack, "", "abc", 5))
