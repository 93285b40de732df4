-- Function types: '(A, B) -> R', several results, no results, named parameters, fun(...).




local add = function(a, b) return a + b end
local check = function(n) return n > 0, n > 0 and "pos" or "neg" end
local calls = 0
local tick = function() calls = calls + 1 end
local dist = function(x, y) return math.abs(x - y) end
local shout = function(s) return s:upper() end
local cb = nil
local function apply(f, a, b)
  return f(a, b)
end
tick(); tick()
print(apply(add, 2, 3), apply(dist, 2, 9))
print(check(5))
print(check(-1))
print(calls, shout("hi"), cb)
local twice_f = function(f, x) return f(f(x)) end
local either = function(v) return v > 1 and "big" or false end
print(twice_f(function(v) return v * 3 end, 2), either(2), either(1))
