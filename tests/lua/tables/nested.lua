local matrix = {}
for i = 1, 3 do
  matrix[i] = {}
  for j = 1, 3 do matrix[i][j] = i * j end
end
for i = 1, 3 do print(table.concat(matrix[i], " ")) end
local config = {server = {host = "localhost", ports = {80, 443}}, debug = false}
print(config.server.host, config.server.ports[2], #config.server.ports, config.debug)
config.server.ports[#config.server.ports + 1] = 8080
print(table.concat(config.server.ports, ","))
local tree = {value = 1, children = {{value = 2, children = {}}, {value = 3, children = {{value = 4, children = {}}}}}}
local function sum(node)
  local s = node.value
  for _, c in ipairs(node.children) do s = s + sum(c) end
  return s
end
print(sum(tree))
local a = {}
a.b = {}
a.b.c = {}
a.b.c.d = "deep"
print(a.b.c.d, a["b"]["c"]["d"])
local self_ref = {}
self_ref.me = self_ref
print(self_ref.me.me.me == self_ref)
local list = nil
for i = 1, 4 do list = {value = i, next = list} end
local vals = {}
while list do vals[#vals + 1] = list.value list = list.next end
print(table.concat(vals, " "))
local counts = {}
for _, w in ipairs({"a", "b", "a", "c", "a", "b"}) do counts[w] = (counts[w] or 0) + 1 end
print(counts.a, counts.b, counts.c, counts.d)
