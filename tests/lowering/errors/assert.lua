-- assert returns all its arguments when the first is true, else raises the message.
local function check(v)
    local value = assert(v, "no value")
    return value
end
print(check(1), pcall(check, nil))
