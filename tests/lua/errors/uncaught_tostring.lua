local E = setmetatable({}, {__tostring = function() return "custom error object" end})
print("x")
error(E)
