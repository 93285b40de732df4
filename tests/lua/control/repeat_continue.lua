-- `goto continue` in repeat-until still evaluates the condition.
local i = 0
local seen = {}
repeat
  i = i + 1
  if i % 2 == 0 then goto continue end
  seen[#seen + 1] = i
  ::continue::
until i >= 6
print(i, table.concat(seen, ","))
-- The condition may use a local of the body, even after a continue.
local n = 0
repeat
  local stop = n >= 3
  n = n + 1
  if not stop then goto continue end
  print("stopping", n)
  ::continue::
until stop
print(n)
-- continue when the condition is already true ends the loop.
local k = 0
repeat
  k = k + 1
  if k == 1 then goto continue end
  print("never reached")
  ::continue::
until true
print(k)
-- while and numeric/generic for with continue and nested break
local out = {}
for x = 1, 10 do
  if x % 3 == 0 then goto continue end
  for y = 1, 10 do
    if y > 2 then break end
    out[#out + 1] = x * 10 + y
  end
  ::continue::
end
print(table.concat(out, " "))
local vals = {}
for _, v in ipairs({5, -1, 7, -3, 9}) do
  if v < 0 then goto continue end
  vals[#vals + 1] = v
  ::continue::
end
print(table.concat(vals, " "))
