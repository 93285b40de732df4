-- 'type' stays an ordinary name: the type() function, a local named type, assignments to it.

local n = 4
print(type(n), type("s"), type(nil), type(type))
do
  local type = 5
  print(type + 1)
end
do
  local type = "shadow"
  print(type)
end
local real_type = type
type = function(v) return "T:" .. real_type(v) end
print(type(1), type({}))
type = real_type
print(type(true))
local function f(type)
  return type .. "?"
end
print(f("arg"))
local cfg = {type = type}
print(cfg.type(cfg))

local l = {type = 1}
print(l.type)
