-- typeof(expr), keyof(T) and indexed access types T["k"].
local defaults = {host = "localhost", port = 8080}
type Settings = typeof(defaults)
type SettingKey = keyof(Settings)
type Port = Settings["port"]
local copy: typeof(defaults) = {host = defaults.host, port = defaults.port + 1}
local function get(s: Settings, k: keyof(Settings)): string
  return tostring(s[k])
end
local p: Port = copy.port
local lookup: {[SettingKey]: boolean} = {host = true}
print(get(copy, "host"), get(copy, "port"), p)
print(lookup.host, lookup.port)
type Row = {cells: {string}}
local c: Row["cells"] = {"a", "b"}
local k: keyof({a: number, b: string}) = "b"
local t: typeof({1, 2, 3}) = {1, 2, 3}
print(#c, k, #t)
