-- __index / __newindex as tables and functions, chained
local log = {}
local base = {greet = "hello from base"}
local mid = setmetatable({mid_only = "mid"}, {__index = base})
local top = setmetatable({}, {__index = mid})
print(top.greet, top.mid_only, top.nothing, rawget(top, "greet"))

-- __index function receives the original table and key
local fn_index = setmetatable({}, {__index = function(t, k)
  log[#log + 1] = type(t) .. ":" .. tostring(k)
  if k == "nilres" then return nil end
  if k == "falseres" then return false end
  return tostring(k) .. "!"
end})
print(fn_index.a, fn_index[1], fn_index.nilres, fn_index.falseres, fn_index[true])
print(table.concat(log, " ")) log = {}

-- a chain mixing a function at the end
local chain = setmetatable({}, {__index = setmetatable({}, {__index = function(t, k) return "deep " .. k end})})
print(chain.x, chain.y)

-- __index is not consulted for present keys (even false values)
local present = setmetatable({f = false}, {__index = function() return "meta" end})
print(present.f, present.g)

-- __newindex as a table redirects writes
local store = {}
local proxy = setmetatable({}, {__newindex = store, __index = store})
proxy.a = 1
proxy.b = 2
print(rawget(proxy, "a"), store.a, proxy.a, proxy.b)

-- __newindex chain: the write goes to the last table's raw slot
local sink = {}
local middle = setmetatable({}, {__newindex = sink})
local front = setmetatable({}, {__newindex = middle})
front.k = "v"
print(rawget(front, "k"), rawget(middle, "k"), sink.k)

-- __newindex function: only for absent keys
local writes = {}
local guarded = setmetatable({existing = 1}, {__newindex = function(t, k, v)
  writes[#writes + 1] = tostring(k) .. "=" .. tostring(v)
  rawset(t, k, v * 10)
end})
guarded.existing = 2
guarded.new = 3
guarded.new = 4
print(guarded.existing, guarded.new, table.concat(writes, " "))

-- assigning nil to an absent key still calls __newindex
guarded.gone = nil == nil and 5 or 0
print(guarded.gone, #writes)

-- read-only table
local ro = setmetatable({}, {__index = {x = 1}, __newindex = function(t, k) error("read-only: " .. k, 2) end})
print(ro.x, pcall(function() ro.y = 1 end))

-- __index on a table with integer keys and ipairs
local defaults = setmetatable({10, 20}, {__index = function(t, i) if i <= 4 then return i * 100 end end})
local out = {}
for i, v in ipairs(defaults) do out[#out + 1] = v end
print(table.concat(out, " "), #defaults)

-- counting accesses through a proxy
local real = {a = 1, b = 2}
local reads = 0
local counted = setmetatable({}, {__index = function(_, k) reads = reads + 1 return real[k] end})
local sum = counted.a + counted.b + (counted.c or 0)
print(sum, reads)
