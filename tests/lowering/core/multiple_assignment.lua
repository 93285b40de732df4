-- Multiple assignment evaluates every value before storing any: a swap needs no temporary.
local a, b, c = 1, 2
a, b = b, a
local t = {}
t.x, t.y = a, b
print(a, b, c, t.x, t.y)
