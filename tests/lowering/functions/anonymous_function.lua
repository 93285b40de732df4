-- A function expression becomes a nested def bound to a name.
local apply = function(f, v)
    return f(v)
end
print(apply(function(x) return x + 1 end, 41))
