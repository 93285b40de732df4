-- __index as a function computes missing keys.
local squares = setmetatable({}, {
    __index = function(t, k)
        return k * k
    end,
})
print(squares[4], squares[9])
