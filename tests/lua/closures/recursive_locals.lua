-- local function makes the name visible inside its own body
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print(fib(20))

-- `local f = function` does not: the body sees the outer (global) name
function g(n) return "global g " .. n end
local g = function(n) if n == 0 then return "local g" end return g(n - 1) end
print(g(0), g(3))

-- mutual recursion through forward-declared locals
local is_even, is_odd
function is_even(n) if n == 0 then return true end return is_odd(n - 1) end
function is_odd(n) if n == 0 then return false end return is_even(n - 1) end
print(is_even(10), is_odd(7), is_even(7))

-- recursion through an upvalue that is later reassigned
local function counter(n) return n end
local function rec(n) if n == 0 then return "done" end return counter(n - 1) end
print(rec(3))
counter = function(n) return "replaced " .. n end
print(rec(3))

-- recursive closures stored in a table
local t = {}
function t.sum(list, i)
  i = i or 1
  if i > #list then return 0 end
  return list[i] + t.sum(list, i + 1)
end
print(t.sum({1, 2, 3, 4}))

-- memoised recursion with a closure-held cache
local function memo(f)
  local cache = {}
  return function(n)
    local v = cache[n]
    if v == nil then v = f(n) cache[n] = v end
    return v
  end
end
local calls = 0
local mfib
mfib = memo(function(n)
  calls = calls + 1
  if n < 2 then return n end
  return mfib(n - 1) + mfib(n - 2)
end)
print(mfib(80), calls)

-- deep-ish recursion with tail calls
local function loop(n, acc) if n == 0 then return acc end return loop(n - 1, acc + n) end
print(loop(100000, 0))

-- Y-combinator style anonymous recursion
local function Y(f)
  return function(...) return f(Y(f), ...) end
end
local fact = Y(function(self, n) if n <= 1 then return 1 end return n * self(n - 1) end)
print(fact(10), fact(20))

-- method recursion
local node = {value = 1, next = {value = 2, next = {value = 3}}}
function node.total(self) if not self then return 0 end return self.value + node.total(self.next) end
print(node:total())
