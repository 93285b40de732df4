-- string.find: init positions, plain finds, special characters
local s = "a.b.c[d]%e"
print(s:find("."), s:find(".", 1, true), s:find("%."), s:find("[", 1, true))
print(s:find("%[(%a)%]"), s:find("%%e"), s:find("%", 1, true))
for _, init in ipairs({-20, -3, -1, 0, 1, 2, 10, 11, 12, 50}) do
  print(init, s:find("", init), s:find("b", init), s:find("e", init, true))
end
print(("aaa"):find("a", 2), ("aaa"):find("aa", 2), ("aaa"):find("aaa", 2))
print(("hello"):find("l+"), ("hello"):find("l*"), ("hello"):find("x*"))
print(("hello"):find("(h)(e)"), ("hello"):find("()ll()"))
print(("a+b=c"):find("+", 1, true), ("a+b=c"):find("a+b"))
print(string.find("abc", "b", nil, true), string.find("abc", "B"))
print(string.find(12345, 34), string.find(1.5, ".", 1, true))
print(("x"):find("x", 1, false), ("x."):find(".", 2, nil))
print(pcall(string.find, "abc"))
print(pcall(string.find, "abc", "b", "x"))
print(pcall(string.find, nil, "b"))
print(pcall(string.find, "abc", "[a"))
print(pcall(string.find, "abc", "%"))
print(pcall(string.find, "abc", "(()"))
print(pcall(string.find, "abc", "a)"))
local text = "one two  three   four"
local pos, words = 1, {}
while true do
  local a, b, w = text:find("(%a+)", pos)
  if not a then break end
  words[#words + 1] = w .. "@" .. a .. "-" .. b
  pos = b + 1
end
print(table.concat(words, " "))
