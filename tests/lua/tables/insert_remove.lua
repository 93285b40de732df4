local t = {}
table.insert(t, "a")
table.insert(t, "b")
table.insert(t, 1, "z")
table.insert(t, 2, "y")
print(#t, table.concat(t, ","))
print(table.remove(t), #t, table.concat(t, ","))
print(table.remove(t, 1), #t, table.concat(t, ","))
print(table.remove(t, #t), table.concat(t, ","))
print(table.remove(t), table.remove(t), #t)
print(table.remove({}), select("#", table.remove({})))
local q = {1, 2, 3, 4, 5}
table.insert(q, #q + 1, 6)
print(table.concat(q, " "))
print(pcall(table.insert, q, 10, 0))
print(pcall(table.insert, q, 1, 2, 3))
print(pcall(table.insert, nil, 1))
local stack = {}
for i = 1, 5 do stack[#stack + 1] = i end
local popped = {}
while #stack > 0 do popped[#popped + 1] = table.remove(stack) end
print(table.concat(popped, ""))
local moved = table.move({1, 2, 3}, 1, 3, 2)
print(table.concat(moved, ","))
print(table.concat(table.move({1, 2, 3}, 1, 3, 1, {}), ","))
