-- In repeat-until the label before `until` is not at the end of the scope:
-- skipping a local declaration is an error (the until condition could see it)
print("never printed")
local i = 0
repeat
  i = i + 1
  if i == 2 then goto continue end
  local sq = i * i
  ::continue::
until i >= 3
