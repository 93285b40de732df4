-- string literals in call-argument and parenthesized positions are decoded
print(string.byte"\65\n", string.len"a\tb", string.len[[a\tb]], string.upper'\x61\u{62}')
print(string.reverse"\0001234" == "4321\0", #"\0001234")
print(#("abc"), ("a\tb") .. "|", #("\xe6\xb1\x89"))
local t = {("q"), ("\110")}
print(t[1], t[2], type(("z")))
print(("x"):rep(3), ("\65"):lower())
