local log = {}
local t = setmetatable({}, {__newindex = function(tbl, k, v)
  log[#log + 1] = k .. "=" .. tostring(v)
  rawset(tbl, k, v)
end})
t.a = 1
t.a = 2
t.b = 3
print(table.concat(log, " "), t.a, t.b)
local store = {}
local redirect = setmetatable({}, {__newindex = store, __index = store})
redirect.x = "stored"
print(rawget(redirect, "x"), store.x, redirect.x)
local ro = setmetatable({}, {__newindex = function(_, k) error("read-only: " .. k, 2) end})
print(pcall(function() ro.field = 1 end))
-- Existing keys bypass __newindex
local hits = 0
local e = setmetatable({k = 1}, {__newindex = function(tbl, k, v) hits = hits + 1 rawset(tbl, k, v) end})
e.k = 2
e.new = 3
e.new = 4
print(hits, e.k, e.new)
-- Assigning nil to an absent key also triggers __newindex
e.gone = nil
print(hits)
-- Default values with both metamethods
local function withDefault(d)
  return setmetatable({}, {__index = function() return d end})
end
local wd = withDefault(0)
wd.count = wd.count + 1
wd.count = wd.count + 1
print(wd.count, wd.other)
