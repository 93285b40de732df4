-- Closures are first-class values: identity, equality, table keys
local function mk() return function() end end
local a, b = mk(), mk()
print(a == a, a == b, rawequal(a, a))
local f = function() return 1 end
local g = f
print(f == g, type(f))

-- closures as table keys
local t = {}
t[a] = "a"
t[b] = "b"
print(t[a], t[b], t[mk()])

-- distinct closures from the same prototype have distinct state
local function gen()
  local n = 0
  return function() n = n + 1 return n end
end
local c1, c2 = gen(), gen()
print(c1(), c1(), c2(), c1(), c2())

-- closures capture the variable even after the creating function returns
local function outer()
  local xs = {}
  for i = 1, 3 do xs[i] = function() return i * i end end
  return xs
end
local xs = outer()
print(xs[1](), xs[2](), xs[3]())

-- passing closures around and calling them through tables and varargs
local function apply(fn, ...) return fn(...) end
print(apply(function(x, y) return x + y end, 3, 4))
print(apply(apply, apply, function(...) return select("#", ...) end, nil, nil))

-- function definitions with dotted and method names create closures too
local obj = {n = 5}
function obj.get() return obj.n end
function obj:add(k) self.n = self.n + k return self end
print(obj.get(), obj:add(2):add(3).n, obj.get())

-- a closure that returns itself
local self_ref
self_ref = function() return self_ref end
print(self_ref() == self_ref, self_ref()()() == self_ref)

-- immediately invoked function expression
print((function(...) return select("#", ...), ... end)(1, 2, 3))
local v = (function() return "iife" end)()
print(v)
