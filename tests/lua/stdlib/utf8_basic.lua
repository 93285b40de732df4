-- utf8.char, utf8.charpattern, utf8.codes, utf8.codepoint, utf8.len
print(utf8.char(72, 228, 8364, 128512, 0x10FFFF))
print(#utf8.char(0x7F), #utf8.char(0x80), #utf8.char(0x7FF), #utf8.char(0x800), #utf8.char(0xFFFF), #utf8.char(0x10000))
print(utf8.char(), #utf8.char(0x7FFFFFFF), utf8.char(0x7FFFFFFF):byte(1, -1))
print(utf8.charpattern == "[\0-\x7F\xC2-\xFD][\x80-\xBF]*")
local s = "héllo wörld €𝄞"
print(#s, utf8.len(s))
for p, c in utf8.codes(s) do print(p, c) end
print(utf8.codepoint(s), utf8.codepoint(s, 2), utf8.codepoint(s, 1, 3))
print(utf8.codepoint(s, -4), utf8.codepoint(s, -4, -1))
print(select("#", utf8.codepoint(s, 1, -1)))
print(utf8.len(""), utf8.len("abc"), utf8.len(s, 4), utf8.len(s, -4), utf8.len(s, 1, 2))
print(utf8.len("abc", 4), utf8.len("abc", 2, 1), utf8.len(s, #s + 1))
local chars = {}
for ch in s:gmatch(utf8.charpattern) do chars[#chars + 1] = ch end
print(#chars, chars[2], chars[#chars])
print(utf8.char(utf8.codepoint("€uro", 1, -1)))
print(pcall(utf8.char, -1))
print(pcall(utf8.char, 0x80000000))
print(pcall(utf8.char, "x"))
print(pcall(utf8.codepoint, s, 0))
print(pcall(utf8.codepoint, s, 1, #s + 1))
print(pcall(utf8.len, s, 0))
print(pcall(utf8.len, s, 1, #s + 1))
print(pcall(utf8.len))
print(utf8.codepoint("abc", 4), select("#", utf8.codepoint("abc", 4)))
