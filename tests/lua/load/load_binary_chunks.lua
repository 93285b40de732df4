-- string.dump: Lua 5.4's header, fresh upvalues, corrupted and cut chunks
local header = string.pack("c4BBc6BBB", "\27Lua", 0x54, 0, "\x19\x93\r\n\x1a\n",
  4, string.packsize("j"), string.packsize("n"))
local x = 5
local c = string.dump(function (y) return (x or 0) + y end)
print(string.sub(c, 1, #header) == header)
print(string.unpack("jn", c, #header + 1))
local f = load(c)
print(pcall(f, 2))               -- the copy's first upvalue (x) is the global table
print(load(string.dump(function (y) return y * 2 end))(21))
print(load(c, "binary", "t"))
for i = 1, #header + 16 do
  local s = string.sub(c, 1, i - 1) .. string.char((string.byte(c, i) + 1) % 256) .. string.sub(c, i + 1)
  print(i, load(s))
end
for _, n in ipairs{1, 4, 5, 12, 17, 20, 33} do
  print(n, load(string.sub(c, 1, n)))
end
print(load(string.sub(c, 1, 10), "=named"))
print(load(string.sub(c, 1, 10), "@file.lua"))
print(load(string.sub(c, 1, 10), "plain"))
