local obj = setmetatable({}, {__tostring = function() return nil end})
print("before")
print(obj)
