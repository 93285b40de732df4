local words = {"banana", "Apple", "cherry", "apple", "10", "9", "", "a b", "a"}
table.sort(words)
for i, w in ipairs(words) do print(i, "[" .. w .. "]") end
print("a" < "b", "a" <= "a", "b" > "a", "abc" >= "abd", "\0" < "\1", "a\0b" < "a\0c")
print(("x"):rep(3) == "xxx", "abc" == "ab" .. "c")
local t = {}
t["key"] = 1
local k = "ke" .. "y"
print(t[k], rawequal(k, "key"))
