-- comparisons made by library functions (math.min, math.max, table.sort)
-- name a type by its metatable's __name, as the operators do
local Pn = setmetatable({}, {__name = "Pname"})
print(pcall(math.min, Pn, {}))
print(pcall(math.max, 2^63, Pn))
print(pcall(math.min, "a", Pn))
print(pcall(table.sort, {Pn, {}}))
print(pcall(table.sort, {1, Pn}))
print(pcall(function() return Pn < 1 end))
