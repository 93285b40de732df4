-- error: 2:12: unexpected symbol near 'typeof'
local t = {typeof = 1}
