-- error raises a Lua error; pcall catches it and returns false and the error value.
local function risky(n)
    if n > 1 then
        error("too big: " .. n)
    end
    return n
end
print(pcall(risky, 1))
print(pcall(risky, 2))
