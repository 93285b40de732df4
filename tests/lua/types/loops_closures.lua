-- for loops (no annotations on their variables) with annotated locals; closures over annotated upvalues.
type Counter = () -> integer
local function counter(start: integer, step: integer?): Counter
  local n: integer = start
  local d: integer = step or 1
  return function(): integer
    n = n + d
    return n
  end
end
local c1, c2 = counter(0), counter(10, 5)
print(c1(), c1(), c2(), c1(), c2())
local fns: {() -> string} = {}
for i = 1, 3 do
  local label: string = "f" .. i
  fns[i] = function(): string return label .. ":" .. i end
end
for _, f in ipairs(fns) do io.write(f(), " ") end
print()
local acc: {[string]: integer} = {}
for word in ("a b a c b a"):gmatch("%a") do
  local seen: integer = acc[word] or 0
  acc[word] = seen + 1
end
print(acc.a, acc.b, acc.c)
for i = 10, 1, -4 do
  local half: number = i / 2
  io.write(half, ";")
end
print()
