-- Annotated locals: with a value, several names, no value, optional types.
local x: number = 5
local a: number, b: string = 1, "x"
local c: string
local d: integer?, e = nil, 7
local f: {string}, g: boolean = {"p", "q"}, true
c = b .. b
print(x + a, b, c, d, e)
print(#f, f[2], g)
local h: number, i: number = 1
print(h, i)
local j: integer, k: integer
j, k = 10, 20
print(j * k, math.type(j), math.type(x / 1))
