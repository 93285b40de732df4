-- An uncaught index error on an upvalue, raised from a closure
local settings
local function get(key)
  return settings[key]
end
settings = {mode = "fast"}
print(get("mode"))
settings = nil
print(pcall(get, "mode"))
local ok = true
if ok then
  print(get("mode"))
end
