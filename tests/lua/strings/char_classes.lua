-- every character class and its complement over all 256 bytes
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
all = table.concat(all)
local classes = {"a", "c", "d", "g", "l", "p", "s", "u", "w", "x"}
for _, c in ipairs(classes) do
  local _, n = all:gsub("%" .. c, "")
  local _, m = all:gsub("%" .. c:upper(), "")
  local first = all:match("%" .. c)
  local firstc = all:match("%" .. c:upper())
  print(c, n, m, n + m, first and first:byte(), firstc and firstc:byte())
end
local sample = "Hello, World! 123 _x\t\n"
for _, c in ipairs(classes) do
  local kept = sample:gsub("[^%" .. c .. "]", "")
  print("%" .. c, (kept:gsub("%c", "?")))
end
print(("a_b-c.d"):gsub("[^%a_]", "#"))
print(("0123456789abcdefABCDEFgG"):gsub("%x", "."))
print(("Mixed CASE text"):gsub("[%u]", "U"))
print(("a1b2c3"):gsub("[%a%d]", "*"))
print(("a-z"):gsub("[a-]", "#"), ("a-z"):gsub("[-z]", "#"), ("a]b"):gsub("[]]", "#"))
print(("a^b"):gsub("[%^]", "#"), ("a^b"):gsub("[b^]", "#"))
print(("abcxyz"):gsub("[b-y]", "."), ("ABC"):gsub("[A-Bb-c]", "."))
print(("x.y"):gsub("[.]", "!"), ("%d"):gsub("[%%]", "pct"))
print(("tab\tnl\ncr\r"):gsub("%s", "_"))
print(("\0a\0b"):gsub("%z", "Z"))
print(("\0a\0b"):gsub("\0", "N"), ("a\0b"):find("\0", 1, true))
print(("x1_y2"):gsub("%W", ""), ("a b\tc"):gsub("%S", ""))
