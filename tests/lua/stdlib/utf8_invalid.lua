-- utf8 functions on invalid sequences, lax mode, utf8.offset
local bad = {"abc\xE3def", "\xF4\x9F\xBF", "\xF4\x9F\xBF\xBF", "\x80hello", "hel\x80lo", "\xC0\x80",
  "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xFF", "ok\xC3", "\xE0\x80\x80"}
for i, s in ipairs(bad) do
  print(i, pcall(utf8.codepoint, s, 1, -1))
end
print(utf8.codepoint("\xED\xA0\x80", 1, 1, true))
print(utf8.codepoint("\xF4\x90\x80\x80", 1, 1, true), utf8.codepoint("\xF8\x88\x80\x80\x80", 1, 1, true))
print(pcall(function() for p, c in utf8.codes("ab\xFF") do end end))
print(pcall(function() for p, c in utf8.codes("\xbfinvalid") do end end))
print(pcall(function() local r = {} for p, c in utf8.codes("\u{D800}", true) do r[#r + 1] = c end return r[1] end))
local s = "aé€𝄞z"
for i = -#s - 1, #s + 2 do
  local ok, r = pcall(utf8.offset, s, i)
  print("n", i, ok, r)
end
for i = 1, #s + 1 do
  print("i", i, pcall(utf8.offset, s, 0, i))
end
print(pcall(utf8.offset, s, 1, 3))
print(utf8.offset(s, 1, 4), utf8.offset(s, 2, 2), utf8.offset(s, -1, 4), utf8.offset(s, 3, -1))
print(pcall(utf8.offset, s, 1, 0))
print(pcall(utf8.offset, s, 1, #s + 2))
print(pcall(utf8.offset, "\x80", 1))
print(utf8.offset("", 1), utf8.offset("", 0), utf8.offset("", -1))
