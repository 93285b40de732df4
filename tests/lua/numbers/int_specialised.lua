-- local functions with an extra body for integer arguments: the same results
-- for integer, float, string and nil arguments, with wrap-around and errors
local function fib(k)
  if k < 2 then return k end
  return fib(k - 1) + fib(k - 2)
end
print(fib(20), fib(20.0), math.type(fib(15)), math.type(fib(15.0)))
print(pcall(fib, "10"))
print(pcall(fib))
print(pcall(fib, {}))

local function big(n)
  if n == 0 then return 9223372036854775807 end
  return big(n - 1) + 1
end
print(big(0), big(1), big(2), big(1.0))

local function pw(b, e)
  if e == 0 then return 1 end
  return b * pw(b, e - 1)
end
print(pw(2, 10), pw(2, 63), pw(2, 64), pw(3, 41), pw(2.0, 10), pw(-2, 63))

local function half(n)
  if n <= 1 then return 0.5 end
  return half(n // 2) * 2
end
print(half(16), half(17), half(3.5), math.type(half(8)))

local function divmod(a, b) return a // b + a % b end
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(7.5, 2), divmod("17", 5))
print(pcall(divmod, 1, 0))
print(pcall(divmod, 1.0, 0))
print(divmod(math.mininteger, -1))

local function gap(a, b)
  if a < b then return a - b end
  return b - a
end
print(gap(math.mininteger, 1), gap(1, math.mininteger), gap(3, 2.5))
print(pcall(gap, "4", 9))

local function tri(n)
  local s = 0
  for i = 1, n do s = s + i end
  return s
end
print(tri(100), tri(0), tri(10.5), tri(-3))

local function collatz(n, steps)
  if n == 1 then return steps end
  if n % 2 == 0 then return collatz(n // 2, steps + 1) end
  return collatz(3 * n + 1, steps + 1)
end
print(collatz(27, 0), collatz(27.0, 0), pcall(collatz, 27))

local function shifty(x, y)
  return (x << y) + (x >> y) + (x & y) + (x | y) + (x ~ y)
end
print(shifty(5, 2), shifty(-1, 63), shifty(1, 64), shifty(6.0, 1))
print(pcall(shifty, "5", 2))
print(pcall(shifty, 1.5, 1))
print(tri("4"), pw("2", 3), pcall(pw, 2, "x"))

-- a guard that returns narrows the range below it (and only in its direction)
local function dec(n)
  if n > 5 then return n end
  return n - 1
end
local function inc(n)
  if n < 0 then return 0 end
  return n + 1
end
local function dbl(n)
  if 10 <= n then return -1 end
  return n * 2
end
local function above(n)
  if n <= -9223372036854775807 then return 0 end
  return n - 1
end
print(dec(math.mininteger), inc(math.maxinteger), dbl(math.mininteger), above(math.mininteger + 1), above(3))
print(dec(7), inc(-3), dbl(12), dbl(4))
local function jumps(n)
  local k = -9223372036854775807 - 1
  if n > 0 then goto skip end
  if k < 2 then return "guarded" end
  ::skip::
  return k - 1
end
print(jumps(1), jumps(0))

-- locals named like the generated integer function; functions made in loops
local function sq(n)
  local sq_int = n * n
  if n < 1 then return sq_int end
  return sq_int + sq(n - 1)
end
print(sq(4), sq(4.0), sq(-1))
for i = 1, 2 do
  local function f(n) if n < 1 then return i end return f(n - 1) + i end
  print(f(3), f(2.0))
end
local sq_int = "outer"
local function g(n) if n < 1 then return 0 end return g(n - 1) + n end
print(g(10), sq_int)
