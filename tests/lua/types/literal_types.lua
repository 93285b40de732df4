-- Literal types: strings, numbers, booleans, nil; strings that look like syntax.
type Dir = "north" | "south"
type Small = 1 | 2 | 3
type Yes = true
type Token = "->" | "--" | "::" | "as" | "?" | "end"
local function turn(d: Dir): Dir
  if d == "north" then return "south" end
  return "north"
end
local function bump(s: Small): Small | 4
  return s + 1
end
local flag: true | false = true
local nothing: nil = nil
local tok: Token = "--"
print(turn("north"), turn("south"))
print(bump(1), bump(3))
print(flag, nothing, tok, #tok)
local mixed: "a" | 0x10 | 2.5 | false = 0x10
local yes: Yes = true
print(mixed, yes)
