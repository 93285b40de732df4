-- error: 2:39: unexpected symbol near ')'
local function g(x: number): (number, ) return x, x end
