-- error: 2:7: <name> expected near 'as'
local as = 1
