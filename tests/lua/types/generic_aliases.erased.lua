-- Generic type aliases; nested arguments closing with '>>' and '>>>'.


local function box(v)
  return {value = v}
end
local inner = box(3)
local outer = box(inner)
local deep = box(outer)
local p = {first = "pi", second = box(3.14)}
local list = {box(box("a")), box(box("b"))}
print(outer.value.value + 1, deep.value.value.value)
print(p.first, p.second.value)
print(#list, list[2].value.value)
local m = {}
m.k = {first = 1, second = outer}
print(m.k.second.value.value >> 1, 6 >> 1)
