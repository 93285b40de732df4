local config
local function get(k) return config[k] end
print(pcall(get, "a"))
config = {a = 1}
print(get("a"))
config = nil
print(get("b"))
