-- Annotated locals shadowing each other; 'local x: T = x + 1' reads the outer x.
local x = 1
do
  local x = x + 1
  do
    local x = "s" .. x
    print(x)
  end
  print(x)
end
print(x)
local function f(x)
  local x = x * 10
  return x
end
print(f(4), x)
local a, a2 = 1, 2
local a = tostring(a + a2)
print(a, a2)
local n = 0
for n = 1, 2 do
  local n = "loop" .. n
  io.write(n, " ")
end
print(n)
