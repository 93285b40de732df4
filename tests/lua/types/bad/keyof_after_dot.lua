-- error: 3:9: <name> expected near 'keyof'
local t = {}
print(t.keyof)
