-- Anonymous functions with annotations, generic ones too.
local twice = function(x) return x * 2 end
local id = function(x) return x end
local nums = {5, 2, 8, 1}
table.sort(nums, function(a, b) return a > b end)
print(twice(21), id("same"), id(3.5))
print(table.concat(nums, " "))
local compose = function(f, g)
  return function(x) return f(g(x)) end
end
local inc_then_double = compose(twice, function(n) return n + 1 end)
print(inc_then_double(4))
local handlers = {
  add = function(a, b) return a + b end,
  neg = function(a) return -a end,
}
print(handlers.add(2, 3), handlers.neg(7))
print((function(...) return select("#", ...) end)(1, 2, 3))
