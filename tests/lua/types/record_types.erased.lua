-- Record types: optional fields, several lines, trailing commas, comments inside.









local function show(u)
  local age = u.age or -1
  local where = u.home and string.format("(%g,%g)", u.home.x, u.home.y) or "-"
  return string.format("%s %d %d %s", u.name, age, #u.tags, where)
end
local a = {name = "ann", tags = {"x", "y"}}
local b = {
  name = "bob",
  age = 40,
  tags = {},
  home = {x = 1.5, y = -2},
}
print(show(a))
print(show(b))
local p = {x = 3, y = 4}
local e = {}
print(math.sqrt(p.x ^ 2 + p.y ^ 2), next(e))
