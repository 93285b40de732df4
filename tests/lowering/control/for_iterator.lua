-- A generic for over a hand-written iterator function calls it until it returns nil.
local function range(n)
    local i = 0
    return function()
        i = i + 1
        if i <= n then return i end
    end
end
for v in range(3) do
    print(v)
end
