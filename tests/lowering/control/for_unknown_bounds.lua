-- A numeric for whose bounds are not known to be integers checks them at run time.
local function count(from, to)
    local n = 0
    for i = from, to do
        n = n + 1
    end
    return n
end
print(count(1, 5), count(1.5, 3))
