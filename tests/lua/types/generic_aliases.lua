-- Generic type aliases; nested arguments closing with '>>' and '>>>'.
type Box<T> = {value: T}
type Pair<A, B> = {first: A, second: B}
local function box<T>(v: T): Box<T>
  return {value = v}
end
local inner: Box<integer> = box(3)
local outer: Box<Box<integer>> = box(inner)
local deep: Box<Box<Box<integer>>> = box(outer)
local p: Pair<string, Box<number>> = {first = "pi", second = box(3.14)}
local list: {Box<Box<string>>} = {box(box("a")), box(box("b"))}
print(outer.value.value + 1, deep.value.value.value)
print(p.first, p.second.value)
print(#list, list[2].value.value)
local m: {[string]: Pair<integer, Box<Box<integer>>>} = {}
m.k = {first = 1, second = outer}
print(m.k.second.value.value >> 1, 6 >> 1)
