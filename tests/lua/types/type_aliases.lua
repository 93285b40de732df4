-- 'type Name = T' is a statement: at top level, in blocks, between code.
type Id = integer
type Name = string
local count: Id = 3
type Pair = {id: Id, name: Name}
local function label(id: Id, name: Name): Name
  type Local = string
  local s: Local = name .. "#" .. id
  return s
end
print(label(count, "item"))
if count > 2 then
  type Big = number
  local b: Big = count * 100
  print("big", b)
end
for i = 1, 2 do
  type Step = integer
  local s: Step = i * count
  print("step", s)
end
type Status = "ok" | "fail"
local st: Status = "ok"
local p: Pair = {id = 1, name = st}
print(st, p.id, p.name)
