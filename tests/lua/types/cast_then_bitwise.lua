-- After a cast, '|' and '&' are the bitwise operators (go-lua's grammar reduces
-- 'e as T' / 'e :: T' before them): 'x as integer & 0x0F' is '(x as integer) & 0x0F'.
-- In a declared type, the same tokens build unions and intersections.
local x = 0x3C
local masked = x as integer & 0x0F
local mixed = x :: integer | 0x03
local both = x as integer & 0x30 | x as integer & 0x03
local kind: integer & number = x
local alt: integer | string = "s"
print(masked, mixed, both, kind, alt)
local flags: {integer} = {x as integer & 1, x as integer | 1, x :: integer ~ 0xFF}
print(flags[1], flags[2], flags[3])
