-- error: 2:10: unexpected symbol near '='
local x: = 1
