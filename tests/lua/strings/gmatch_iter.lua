-- string.gmatch: captures, anchors, empty matches, init
local function collect(s, p, init)
  local out = {}
  for a, b in string.gmatch(s, p, init) do
    out[#out + 1] = b and (tostring(a) .. ":" .. tostring(b)) or tostring(a)
  end
  return #out .. " [" .. table.concat(out, ",") .. "]"
end
print(collect("one two three", "%a+"))
print(collect("a=1,b=2,c=3", "(%w+)=(%w+)"))
print(collect("abc", ""))
print(collect("abc", "()"))
print(collect("hello", "l*"))
print(collect("aaa", "a-"))
print(collect("x1y22z333", "%d+"))
print(collect("x1y22z333", "()%d+()"))
print(collect("^a^a", "^a"))
print(collect("abcabc", "b", 3))
print(collect("abcabc", "b", -2))
print(collect("abcabc", ".", 10))
print(collect("  words   spaced out ", "%S+"))
print(collect("key1 = val1; key2 = val2", "(%w+)%s*=%s*(%w+)"))
print(collect("(a)(b(c))", "%b()"))
print(collect("THE (quick) fox", "%f[%a]%a+"))
print(collect("1,2,,4", "([^,]*)"))
local it = string.gmatch("a b c", "%a")
print(it(), it(), it(), it())
local count = 0
for w in ("the cat sat on the mat"):gmatch("%a+at") do count = count + 1 end
print(count)
print(pcall(string.gmatch, "x"))
print(pcall(string.gmatch, nil, "x"))
local bad = string.gmatch("abc", "%")
print(pcall(bad))
