-- table.sort with a comparison function, and table.unpack spreading a table into values.
local t = {3, 1, 2}
table.sort(t, function(a, b) return a > b end)
print(table.unpack(t))
