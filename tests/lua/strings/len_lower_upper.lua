-- len, lower, upper, reverse, and # on many values
local samples = {"", "a", "abc", "Hello World", "MiXeD 123 !?", "\0\1\2", "tab\there", "ÀÉÎ"}
for i, s in ipairs(samples) do
  print(i, #s, string.len(s), s:len(), s:upper(), s:lower(), s:reverse(), #s:reverse())
end
print(string.upper("abcdefghijklmnopqrstuvwxyz"))
print(string.lower("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
print(string.upper(123), string.lower(4.5), string.len(100), string.reverse(-12))
print(("x"):rep(3), ("ab"):upper(), ("Q"):lower():rep(2, "-"))
local s = "palindrome"
print(s:reverse():reverse() == s, s:reverse())
print(string.len("\0\0\0"), #"\u{10FFFF}", #"\xff\xfe")
local up = {}
for c in ("lua is fun"):gmatch(".") do up[#up + 1] = c:upper() end
print(table.concat(up))
print(pcall(string.len))
print(pcall(string.upper, nil))
print(pcall(string.lower, {}))
print(pcall(string.reverse, true))
print(pcall(string.len, print) == false)
local long = string.rep("abc", 1000)
print(#long, long:upper():sub(1, 9), long:reverse():sub(1, 6))
print(#string.rep("x", 0), #string.rep("", 100))
