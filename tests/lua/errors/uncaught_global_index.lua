print(1)
local v = config.value
