local s = "héllo"
print(#s, s:len(), string.len(s))
local u = "日本語"
print(#u, u:byte(1), u:byte(-1))
print(#"", #"\0", #"a\0b", ("a\0b"):byte(2))
local e = "\u{48}\u{20AC}\u{10FFFF}"
print(#e, e:byte(1, -1))
print(string.char(72, 105), string.char())
print(("ABC"):byte(), ("ABC"):byte(10), ("ABC"):byte(-1), ("ABC"):byte(1, 3))
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
local bin = table.concat(all)
print(#bin, bin:byte(1), bin:byte(256), bin:sub(66, 70))
print(("\xff\xfe"):byte(1, 2))
print(utf8 and utf8.char(233, 8364) == "é€", #utf8.char(233, 8364))
