-- stacks, queues and sets written with the table library
local Stack = {}
Stack.__index = Stack
function Stack.new() return setmetatable({items = {}}, Stack) end
function Stack:push(v) table.insert(self.items, v) end
function Stack:pop() return table.remove(self.items) end
function Stack:size() return #self.items end
local s = Stack.new()
for i = 1, 5 do s:push(i * i) end
print(s:size(), s:pop(), s:pop(), s:size())
local q = {}
for i = 1, 6 do table.insert(q, i) end
local order = {}
while #q > 0 do order[#order + 1] = table.remove(q, 1) end
print(table.concat(order, " "))
local pq = {}
for _, v in ipairs({5, 1, 4, 2, 3}) do
  table.insert(pq, v)
  table.sort(pq, function(a, b) return a > b end)
end
print(table.concat(pq, " "), table.remove(pq), table.remove(pq, 1))
local set, keys = {}, {}
for _, w in ipairs({"b", "a", "c", "a", "b"}) do
  if not set[w] then set[w] = true; keys[#keys + 1] = w end
end
table.sort(keys)
print(table.concat(keys, ","))
local matrix = {}
for i = 1, 3 do
  matrix[i] = {}
  for j = 1, 3 do matrix[i][j] = i * j end
end
for i = 1, 3 do print(table.concat(matrix[i], " ")) end
local flat = {}
for _, row in ipairs(matrix) do table.move(row, 1, #row, #flat + 1, flat) end
print(#flat, table.concat(flat, ","))
local rev = {}
for i = #flat, 1, -1 do rev[#rev + 1] = flat[i] end
print(table.concat(rev, ","))
local packed = table.pack(table.unpack(flat, 4, 6))
print(packed.n, table.concat(packed, "-"))
local words = {"kiwi", "fig", "apple", "date"}
table.sort(words, function(a, b) return #a > #b or (#a == #b and a < b) end)
print(words[1], words[#words])
local copy = table.move(words, 1, #words, 1, {})
copy[1] = "changed"
print(words[1] ~= copy[1], #copy)
