local s = "abcdef"
for _, r in ipairs({{1, 3}, {2, 2}, {-3, -1}, {4, 100}, {0, 0}, {7, 8}, {-10, 2}, {3, -4}}) do
  print(r[1], r[2], "[" .. s:sub(r[1], r[2]) .. "]")
end
print(string.sub(s, 3), string.sub(s, -2), s:sub(2.0, 3))
print(string.rep("ab", 3, "-"), string.rep("x", 0), string.rep("x", -1), string.rep("", 5))
print(string.byte("A"), string.byte("abc", 2), string.byte("abc", 1, -1))
print(string.byte("abc", 4), string.byte(""))
print(string.char(104, 105), string.char())
print(pcall(string.char, 256))
print(pcall(string.rep))
print(s:upper():lower():sub(2, 4):rep(2))
print(("x"):rep(3) == "xxx", tostring(12):rep(2))
