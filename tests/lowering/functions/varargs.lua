-- A vararg function gets *varargs; ... and select("#", ...) read it.
local function count(...)
    local first = ...
    local all = {...}
    return select("#", ...), first, #all
end
print(count(1, nil, 3))
