-- setmetatable with __index: missing keys are looked up in the fallback table.
local defaults = {color = "red", size = 1}
local item = setmetatable({size = 5}, {__index = defaults})
print(item.color, item.size, rawget(item, "color"))
