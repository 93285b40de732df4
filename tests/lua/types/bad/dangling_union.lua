-- error: 2:19: unexpected symbol near '='
local u: number | = 1
