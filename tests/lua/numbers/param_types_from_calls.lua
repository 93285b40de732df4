-- parameters of a local function only ever called by its name take the types
-- and ranges of what the calls pass
local function inc(x) return x + 1 end
print(inc(1), inc(9223372036854775807), inc(-5))
local function half(x) return x // 2, x % 3 end
print(half(7), half(-7))
local function mix(a, b) return a * b end
print(mix(3, 4), mix(3, 0.5), mix(2, 4611686018427387904))
local function opt(a, b) if b == nil then return a end return a - b end
print(opt(5), opt(5, 7), opt(-9223372036854775807, 2))
local function neg(v) return -v end
print(neg(3), neg(-9223372036854775807 - 1))
local function cat(n) return "n" .. n end
print(cat(3), cat(2.5))
local function loop(n)
  local s = 0
  for i = 1, n do s = s + i * i end
  return s
end
print(loop(10), loop(2000))
local seed = 42
local function rand(m)
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % m
end
print(rand(90), rand(1000), rand(7))
local function rec(n, acc)
  if n <= 0 then return acc end
  return rec(n - 1, acc * 3)
end
print(rec(5, 1), rec(41, 1), rec(3, 1.5))
local function div(a, b) return a % b end
print(pcall(div, 1, 0))
print(div(7, 3))
-- `%` by an integer that may be zero
local t = {}
for i = -2, 2 do
  print(i, pcall(function() return i % #t end))
  t[#t + 1] = i
  print(i % #t, (i * 7) % -#t, math.mininteger % #t, i % (#t + 1), pcall(function() return i % (#t - 2) end))
end
