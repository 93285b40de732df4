-- utf8.len reports the position of the first invalid byte as a second result
local bad = {"abc\xE3def", "\xF4\x9F\xBF", "\xF4\x9F\xBF\xBF", "\x80hello", "hel\x80lo", "\xC0\x80",
  "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xFF", "ok\xC3", "\xE0\x80\x80", "\u{7FFFFFFF}"}
for i, s in ipairs(bad) do
  local n, pos = utf8.len(s)
  print(i, n, pos, utf8.len(s, 1, -1, true))
end
print(utf8.len("\xED\xA0\x80", 1, -1, true), (utf8.len("x\xFF")))
print(select("#", utf8.len("\xFF")), select("#", utf8.len("ok")))
print(utf8.len("abc\xE3def"))
