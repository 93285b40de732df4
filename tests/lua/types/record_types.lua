-- Record types: optional fields, several lines, trailing commas, comments inside.
type Point = {x: number, y: number}
type User = {
  name: string,        -- required
  age?: integer,       -- optional
  --[[ a block comment
       inside the type ]]
  tags: {string},
  home?: Point,
}
local function show(u: User): string
  local age: integer = u.age or -1
  local where: string = u.home and string.format("(%g,%g)", u.home.x, u.home.y) or "-"
  return string.format("%s %d %d %s", u.name, age, #u.tags, where)
end
local a: User = {name = "ann", tags = {"x", "y"}}
local b: User = {
  name = "bob",
  age = 40,
  tags = {},
  home = {x = 1.5, y = -2},
}
print(show(a))
print(show(b))
local p: {x: number, y: number,} = {x = 3, y = 4}
local e: {} = {}
print(math.sqrt(p.x ^ 2 + p.y ^ 2), next(e))
