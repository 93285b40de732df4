-- and/or return one of their operands (not a boolean); only nil and false are false.
local function pick(a, b)
    local either = a or b
    local both = a and b
    local default = a or "default"
    return either, both, default
end
print(pick(nil, 0))
print(pick(false, "x"))
