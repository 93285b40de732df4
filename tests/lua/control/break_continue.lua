local line = {}
local function w(...) for i = 1, select("#", ...) do line[#line + 1] = tostring((select(i, ...))) end end
local function nl() print(table.concat(line)) line = {} end
for i = 1, 10 do
  if i % 2 == 0 then goto continue end
  if i > 7 then break end
  w(i, " ")
  ::continue::
end
nl()
for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then break end
    w(i, ",", j, " ")
  end
end
nl()
local found
for _, row in ipairs({{1, 2}, {3, 4}, {5, 6}}) do
  for _, v in ipairs(row) do
    if v == 4 then found = v break end
  end
  if found then break end
end
print(found)
local i = 0
repeat
  i = i + 1
  if i == 2 then goto continue end
  w(i, " ")
  ::continue::
until i >= 4
nl()
local words = {"a", "", "b", "", "c"}
local out = {}
for _, w in ipairs(words) do
  if w == "" then goto continue end
  out[#out + 1] = w:upper()
  ::continue::
end
print(table.concat(out, ","))
local k = 0
while k < 6 do
  k = k + 1
  do
    if k % 3 == 0 then goto continue end
  end
  w(k, " ")
  ::continue::
end
nl()
