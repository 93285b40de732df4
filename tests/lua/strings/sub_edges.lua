-- string.sub with every kind of index
local s = "abcdefghij"
local idx = {0, 1, 2, 5, 10, 11, 100, -1, -2, -5, -10, -11, -100}
for _, i in ipairs(idx) do
  local row = {}
  for _, j in ipairs(idx) do
    local r = s:sub(i, j)
    row[#row + 1] = r == "" and "." or r
  end
  print(i, table.concat(row, " "))
end
print(s:sub(3), s:sub(-3), s:sub(0), s:sub(100))
print(s:sub(2.0, 4.0))
print(s:sub("2", "4"))
print(s:sub(math.mininteger, math.maxinteger))
print(s:sub(math.maxinteger), s:sub(math.mininteger, 2))
print(string.sub("", 1, 1) == "", string.sub("x", 1, 1))
print(pcall(string.sub, s, 1.5))
print(pcall(string.sub, s, "a"))
print(pcall(string.sub, s, 1, {}))
print(pcall(string.sub))
print(string.sub(12345, 2, 3))
