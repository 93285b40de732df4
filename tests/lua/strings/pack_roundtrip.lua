-- pack then unpack many values with every integer size and both byte orders
local ok_all = true
local count = 0
for size = 1, 16 do
  for _, endian in ipairs({"<", ">"}) do
    local fmt = endian .. "i" .. size
    local lim = size >= 8 and math.maxinteger or (1 << (size * 8 - 1)) - 1
    for _, v in ipairs({0, 1, -1, lim, -lim - 1, lim // 3, -(lim // 7)}) do
      local p = string.pack(fmt, v)
      local back, nextpos = string.unpack(fmt, p)
      count = count + 1
      if back ~= v or #p ~= size or nextpos ~= size + 1 then
        ok_all = false
        print("mismatch", fmt, v, back)
      end
    end
  end
end
print(ok_all, count)
for size = 1, 8 do
  local max = size == 8 and -1 or (1 << (size * 8)) - 1
  local p = string.pack("<I" .. size, max)
  print(size, #p, string.unpack("<I" .. size, p), string.packsize("I" .. size))
end
local floats = {0.0, -0.0, 1.5, -2.75, 1e300, -1e-300, math.huge, -math.huge, math.pi}
local buf = {}
for _, f in ipairs(floats) do
  local d = string.unpack("<d", string.pack("<d", f))
  local n = string.unpack(">n", string.pack(">n", f))
  buf[#buf + 1] = tostring(d == f and n == f)
end
print(table.concat(buf, " "))
print(string.unpack("<f", string.pack("<f", math.pi)) ~= math.pi, string.unpack("<f", string.pack("<f", 0.5)))
local rec = string.pack(">I2 s1 z B", 513, "hi", "zero", 7)
print(#rec, string.unpack(">I2 s1 z B", rec))
local nested = string.pack("s2", string.pack("i4 i4", 1, 2))
local inner = string.unpack("s2", nested)
print(#nested, string.unpack("i4 i4", inner))
print(string.pack("!i8", 1) == string.pack("i8", 1), string.packsize("!8 b d"), string.packsize("b d"))
