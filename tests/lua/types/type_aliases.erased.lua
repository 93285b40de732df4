-- 'type Name = T' is a statement: at top level, in blocks, between code.


local count = 3

local function label(id, name)

  local s = name .. "#" .. id
  return s
end
print(label(count, "item"))
if count > 2 then

  local b = count * 100
  print("big", b)
end
for i = 1, 2 do

  local s = i * count
  print("step", s)
end

local st = "ok"
local p = {id = 1, name = st}
print(st, p.id, p.name)
