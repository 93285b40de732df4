local a, b, c = 1, 2
print(a, b, c)
local x = 10
do
  local x = x + 1
  print("inner", x)
  x = x * 2
  print("inner2", x)
end
print("outer", x)
local y = 1
local y = y + 1
print(y)
local function shadow(x)
  local x = x or "default"
  return x
end
print(shadow(), shadow(false), shadow(0))
local n
print(n, type(n))
local t = {}
local t2 = t
t2.k = "shared"
print(t.k, t == t2)
