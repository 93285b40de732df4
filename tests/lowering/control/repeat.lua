-- repeat ... until: the body runs first, and the condition sees the body's locals.
local n = 0
repeat
    n = n + 1
    local done = n >= 3
until done
print(n)
