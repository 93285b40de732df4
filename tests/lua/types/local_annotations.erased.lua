-- Annotated locals: with a value, several names, no value, optional types.
local x = 5
local a, b = 1, "x"
local c
local d, e = nil, 7
local f, g = {"p", "q"}, true
c = b .. b
print(x + a, b, c, d, e)
print(#f, f[2], g)
local h, i = 1
print(h, i)
local j, k
j, k = 10, 20
print(j * k, math.type(j), math.type(x / 1))
