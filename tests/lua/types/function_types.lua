-- Function types: '(A, B) -> R', several results, no results, named parameters, fun(...).
type BinOp = (number, number) -> number
type Check = (number) -> (boolean, string)
type Thunk = () -> ()
type Named = (x: number, y: number) -> number
local add: BinOp = function(a, b) return a + b end
local check: Check = function(n) return n > 0, n > 0 and "pos" or "neg" end
local calls: integer = 0
local tick: Thunk = function() calls = calls + 1 end
local dist: Named = function(x, y) return math.abs(x - y) end
local shout: fun(s: string): string = function(s) return s:upper() end
local cb: ((number) -> number)? = nil
local function apply(f: BinOp, a: number, b: number): number
  return f(a, b)
end
tick(); tick()
print(apply(add, 2, 3), apply(dist, 2, 9))
print(check(5))
print(check(-1))
print(calls, shout("hi"), cb)
local twice_f: ((number) -> number, number) -> number = function(f, x) return f(f(x)) end
local either: (number) -> string | boolean = function(v) return v > 1 and "big" or false end
print(twice_f(function(v) return v * 3 end, 2), either(2), either(1))
