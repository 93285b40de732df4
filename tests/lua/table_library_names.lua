-- Plain Lua's table library has exactly Lua's functions (Wippy code's has
-- table.create too; scripts are plain Lua).
local names = {}
for k in pairs(table) do names[#names + 1] = k end
table.sort(names)
print(table.concat(names, " "))
print(table.create)
