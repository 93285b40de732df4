-- error: 3:16: unexpected symbol near ')'
local x = 1
local y = (x as)
