-- After a cast, '|' and '&' are the bitwise operators (go-lua's grammar reduces
-- 'e as T' / 'e :: T' before them): 'x as integer & 0x0F' is '(x as integer) & 0x0F'.
-- In a declared type, the same tokens build unions and intersections.
local x = 0x3C
local masked = x & 0x0F
local mixed = x | 0x03
local both = x & 0x30 | x & 0x03
local kind = x
local alt = "s"
print(masked, mixed, both, kind, alt)
local flags = {x & 1, x | 1, x ~ 0xFF}
print(flags[1], flags[2], flags[3])
