-- repeat-until: the condition sees the body's locals
local i = 0
repeat
  local done = i >= 3
  i = i + 1
until done
print(i)

local n = 10
repeat local n = n - 7 print("inner n", n) until n < 5
print("outer n", n)

-- closures capture a fresh local per repeat iteration, and `until` sees it
local fs = {}
local k = 0
repeat
  k = k + 1
  local captured = k * 10
  fs[#fs + 1] = function() return captured end
until captured >= 30
print(#fs, fs[1](), fs[2](), fs[3]())

-- while with a complex condition evaluated every time
local calls = 0
local function cond() calls = calls + 1 return calls < 4 end
while cond() do end
print("cond calls", calls)

-- nested break only leaves the innermost loop
local out = {}
for a = 1, 3 do
  local b = 0
  while true do
    b = b + 1
    repeat
      if b == 2 then break end
      out[#out + 1] = a .. "." .. b
    until true
    if b >= 3 then break end
  end
  if a == 2 then
    for c = 1, 10 do if c > 1 then break end out[#out + 1] = "c" .. c end
  end
end
print(table.concat(out, " "))

-- break as the last statement, and in nested blocks
local x = 0
while true do
  x = x + 1
  do
    if x > 4 then break end
  end
end
print("x", x)
-- break inside repeat skips the until condition
local evaluated = false
repeat
  break
until (function() evaluated = true return true end)()
print("until evaluated", evaluated)
-- a loop whose body is empty
local m = 0
repeat m = m + 1 until m == 5
while false do end
for _ = 1, 0 do end
print(m)
-- break within an if-elseif chain inside a numeric for
local last
for j = 1, 100 do
  last = j
  if j % 7 == 0 then
    break
  elseif j % 5 == 0 then
    last = -j
  end
end
print(last)
