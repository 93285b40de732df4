-- not yields a boolean: true only for nil and false (0 and "" are true in Lua).
local function negate(v)
    return not v
end
local known = not (1 < 2)
print(negate(0), negate(nil), known)
