-- table.insert, table.remove and table.concat are calls to the runtime's table library.
local t = {}
table.insert(t, "b")
table.insert(t, 1, "a")
table.insert(t, "c")
local last = table.remove(t)
print(table.concat(t, ","), last)
