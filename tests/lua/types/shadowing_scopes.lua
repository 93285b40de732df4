-- Annotated locals shadowing each other; 'local x: T = x + 1' reads the outer x.
local x: integer = 1
do
  local x: integer = x + 1
  do
    local x: string = "s" .. x
    print(x)
  end
  print(x)
end
print(x)
local function f(x: number): number
  local x: number = x * 10
  return x
end
print(f(4), x)
local a: integer, a2: integer = 1, 2
local a: string = tostring(a + a2)
print(a, a2)
local n: number = 0
for n = 1, 2 do
  local n: string = "loop" .. n
  io.write(n, " ")
end
print(n)
