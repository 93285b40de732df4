-- A tree of + - * over unknown operands is one Python expression behind a single type test.
local function dot(a, b)
    return a.x * b.x + a.y * b.y
end
print(dot({x = 1, y = 2}, {x = 3, y = 4}))
