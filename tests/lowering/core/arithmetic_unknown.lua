-- Arithmetic on values of unknown type (parameters of an exported function) tests the types, else calls the runtime's helpers.
local function combine(x, y)
    local sum = x + y
    local quotient = x // y
    return sum, quotient, x ^ y, -x
end
print(combine(1, 2.5))
return combine
