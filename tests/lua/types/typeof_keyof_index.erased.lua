-- typeof(expr), keyof(T) and indexed access types T["k"].
local defaults = {host = "localhost", port = 8080}



local copy = {host = defaults.host, port = defaults.port + 1}
local function get(s, k)
  return tostring(s[k])
end
local p = copy.port
local lookup = {host = true}
print(get(copy, "host"), get(copy, "port"), p)
print(lookup.host, lookup.port)

local c = {"a", "b"}
local k = "b"
local t = {1, 2, 3}
print(#c, k, #t)
