-- Postfix non-nil assertions: 'e!', 'f(x)!', 't[k]!', '(x!).f', chained with casts.
local function lookup(t: {[string]: number}, k: string): number?
  return t[k]
end
local ages: {[string]: number} = {ann = 31, bob = 27}
local a = lookup(ages, "ann")!
local b = ages["bob"]! + 1
local c = ages.ann! * 2
print(a, b, c)
local box: {inner: {v: integer}?}? = {inner = {v = 5}}
print((box!).inner ~= nil, ((box!).inner!).v == 5)
local twice = lookup(ages, "bob")! + lookup(ages, "ann")!
local chain = a!!
local cast = ages.bob :: number!
local mixed = (ages.ann as number)! - 1
print(twice, chain, cast, mixed)
local list = {lookup(ages, "ann")!, ages.bob!}
print(#list, list[1] + list[2], not a!)
