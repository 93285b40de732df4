-- Comparisons of known numbers are Python comparisons; unknown operands use eq/lt/le helpers.
local n = 3
local function compare(a, b)
    return a == b, a ~= b, a < b, a <= b, a > b, a >= b
end
print(n < 4, n == 3, compare(1, "1"))
return compare
