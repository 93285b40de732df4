-- Anonymous functions with annotations, generic ones too.
local twice = function(x: number): number return x * 2 end
local id = function<T>(x: T): T return x end
local nums: {number} = {5, 2, 8, 1}
table.sort(nums, function(a: number, b: number): boolean return a > b end)
print(twice(21), id("same"), id(3.5))
print(table.concat(nums, " "))
local compose = function<A, B, C>(f: (B) -> C, g: (A) -> B)
  return function(x: A): C return f(g(x)) end
end
local inc_then_double = compose(twice, function(n: number): number return n + 1 end)
print(inc_then_double(4))
local handlers = {
  add = function(a: integer, b: integer): integer return a + b end,
  neg = function(a: integer): integer return -a end,
}
print(handlers.add(2, 3), handlers.neg(7))
print((function(...: number): integer return select("#", ...) end)(1, 2, 3))
