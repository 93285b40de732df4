-- goto continue in every kind of loop
local out = {}
for i = 1, 10 do
  if i % 3 == 0 then goto continue end
  out[#out + 1] = i
  ::continue::
end
print(table.concat(out, " "))

out = {}
for _, w in ipairs({"a", "", "b", "", "c"}) do
  if w == "" then goto continue end
  out[#out + 1] = w
  ::continue::
end
print(table.concat(out, ","))

out = {}
local i = 0
while i < 8 do
  i = i + 1
  if i % 2 == 1 then goto continue end
  out[#out + 1] = i
  ::continue::
end
print(table.concat(out, " "))

-- repeat: the label before `until` is allowed when no local follows the goto
out = {}
local j = 0
repeat
  j = j + 1
  if j == 2 then goto continue end
  out[#out + 1] = j
  ::continue::
until j >= 4
print(table.concat(out, " "))

-- continue with locals declared after the goto (label is at block end)
out = {}
for k = 1, 5 do
  if k == 3 then goto continue end
  local sq = k * k
  local s = tostring(sq)
  out[#out + 1] = s
  ::continue::
end
print(table.concat(out, " "))

-- nested loops with their own continue labels
out = {}
for a = 1, 3 do
  for b = 1, 3 do
    if a == b then goto continue end
    out[#out + 1] = a .. b
    ::continue::
  end
  if a == 2 then goto continue end
  out[#out + 1] = "|"
  ::continue::
end
print(table.concat(out, " "))

-- continue inside nested blocks of the loop body
out = {}
for n = 1, 6 do
  do
    if n % 2 == 0 then
      if n == 4 then goto continue end
    end
  end
  out[#out + 1] = n
  ::continue::
end
print(table.concat(out, " "))
