-- an inconsistent comparator: Lua's quicksort detects it (uncaught error)
local t = {}
for i = 1, 30 do t[i] = 30 - i end
table.sort(t, function(a, b) return a < b end)
print(t[1], t[30])
table.sort(t, function(a, b) return true end)
print("not reached")
