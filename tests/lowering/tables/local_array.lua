-- A local table made by {} and only indexed with integers lives in a Python list.
local function squares(n)
    local t = {}
    for i = 1, n do
        t[i] = i * i
    end
    local sum = 0
    for i = 1, n do
        sum = sum + t[i]
    end
    return sum
end
print(squares(10))
