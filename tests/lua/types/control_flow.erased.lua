-- Annotated locals inside if / while / repeat bodies, and goto across them.
local function classify(n)
  if n < 0 then
    local tag = "neg"
    return tag
  elseif n == 0 then
    local tag = "zero"
    return tag
  else
    local tag = n % 2 == 0 and "even" or "odd"
    return tag
  end
end
print(classify(-3), classify(0), classify(7), classify(8))
local i = 0
local total = 0
while i < 5 do
  local sq = i * i
  total = total + sq
  i = i + 1
end
print(total)
local tries = 0
repeat
  local left = 3 - tries
  tries = tries + 1
until left <= 1
print(tries)
for k = 1, 5 do
  local odd = k % 2 == 1
  if odd then goto continue end
  print("even", k)
  ::continue::
end
