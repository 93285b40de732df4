-- A closure shares the captured local with the function that made it (nonlocal).
local function counter()
    local n = 0
    return function()
        n = n + 1
        return n
    end
end
local next_id = counter()
print(next_id(), next_id())
