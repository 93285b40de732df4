-- error: 2:18: '}' expected near '='
local y: {string = 1
