-- pattern items: * + - ? on single chars, classes and sets; anchors
local s = "aaabbbcccabc"
local pats = {"a*", "a+", "a-", "a?", "a-b", "a*b", "[ab]+", "[^a]+", "^a+", "c+$", "b-c", ".-c",
  ".*c", "^.-b", "x*", "x?a", "%a+c", "^(a*)(b*)", "(a+)(b+)(c+)", "c?a?b?c?$", "^$", "b*$"}
for _, p in ipairs(pats) do
  print(p, s:find(p), (s:gsub(p, "_")))
end
print(("<tag>text</tag>"):match("<(.-)>"), ("<tag>text</tag>"):match("<(.*)>"))
print(("aaa"):match("^(a-)a$"), ("aaa"):match("^(a*)a$"), ("ab"):match("^a?b?$"))
print(("12abc34"):match("^%d*"), ("abc"):match("^%d*") == "", ("x"):match("^x?x?x?$"))
print(("  indent"):find("^%s*"), ("no"):find("^%s*"))
print(("a.b.c"):gsub("%.", "/"), ("a..b"):gsub("%.+", "."))
print(("hello"):match(".-(l+)(.*)"), ("hello"):match("(.-)l"))
print(("[test]"):match("^%[(.*)%]$"), ("a^b"):match("a^b"), ("^x"):match("^^x"))
print(("abc$"):match("c$$"), ("a$"):find("$", 1, true), ("a$b"):gsub("%$", "S"))
print(("x-y"):match("x%-y"), ("x--y"):match("x%-+y"), ("xy"):match("x%-?y"))
print(("aXbXc"):match("^(.-)X(.-)X(.-)$"))
print(string.rep("a", 30):match("^(a-)(a*)$"))
print(("if a then b elseif c then d end"):gsub("%f[%w]%w+", function(w)
  if w == "if" or w == "then" or w == "end" or w == "elseif" then return w:upper() end
end))
