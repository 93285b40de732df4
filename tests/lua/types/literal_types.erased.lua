-- Literal types: strings, numbers, booleans, nil; strings that look like syntax.




local function turn(d)
  if d == "north" then return "south" end
  return "north"
end
local function bump(s)
  return s + 1
end
local flag = true
local nothing = nil
local tok = "--"
print(turn("north"), turn("south"))
print(bump(1), bump(3))
print(flag, nothing, tok, #tok)
local mixed = 0x10
local yes = true
print(mixed, yes)
