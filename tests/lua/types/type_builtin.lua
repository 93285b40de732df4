-- 'type' stays an ordinary name: the type() function, a local named type, assignments to it.
type Num = number
local n: Num = 4
print(type(n), type("s"), type(nil), type(type))
do
  local type = 5
  print(type + 1)
end
do
  local type: string = "shadow"
  print(type)
end
local real_type = type
type = function(v: any): string return "T:" .. real_type(v) end
print(type(1), type({}))
type = real_type
print(type(true))
local function f(type: string): string
  return type .. "?"
end
print(f("arg"))
local cfg = {type = type}
print(cfg.type(cfg))
type Later = {type: Num}
local l: Later = {type = 1}
print(l.type)
