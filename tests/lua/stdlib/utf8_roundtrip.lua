-- encode code points with utf8.char and decode them back in several ways
local cps = {0, 0x41, 0x7F, 0x80, 0xFF, 0x7FF, 0x800, 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF}
local s = utf8.char(table.unpack(cps))
print(#s, utf8.len(s))
local back = {utf8.codepoint(s, 1, -1)}
local same = #back == #cps
for i = 1, #cps do same = same and back[i] == cps[i] end
print(same)
local positions = {}
for p, c in utf8.codes(s) do positions[#positions + 1] = p .. "=" .. string.format("%X", c) end
print(table.concat(positions, " "))
for i = 1, #cps do
  local p = utf8.offset(s, i)
  print(i, p, utf8.codepoint(s, p), utf8.offset(s, -(#cps - i + 1)) == p)
end
local word = "naïve café 日本語"
local rev = {}
for _, c in utf8.codes(word) do table.insert(rev, 1, utf8.char(c)) end
print(table.concat(rev), utf8.len(table.concat(rev)))
local upper = word:gsub(utf8.charpattern, function(ch)
  if #ch == 1 then return ch:upper() end
end)
print(upper)
local n = 0
for ch in word:gmatch(utf8.charpattern) do n = n + 1 end
print(n, utf8.len(word), #word)
print(utf8.char(0x48, 0x49), utf8.char(0x3B1, 0x3B2, 0x3B3), utf8.char("65", 66.0))
print(utf8.codepoint("\u{7FF}\u{800}", 1, -1))
print(utf8.len("\u{10FFFF}\u{0}"), #"\u{0}")
