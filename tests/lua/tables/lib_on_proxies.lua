-- table functions go through __index, __newindex and __len
local log = {}
local store = {}
local proxy = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = "get" .. tostring(k); return store[k] end,
  __newindex = function(_, k, v) log[#log + 1] = "set" .. tostring(k); store[k] = v end,
  __len = function() return #store end,
})
table.insert(proxy, "a")
table.insert(proxy, "b")
table.insert(proxy, 1, "c")
print(table.concat(store, ","), table.concat(log, " "))
log = {}
print(table.remove(proxy, 1), table.concat(store, ","), table.concat(log, " "))
log = {}
print(table.concat(proxy, "+"), table.concat(log, " "))
log = {}
print(table.unpack(proxy))
print(table.concat(log, " "))
log = {}
table.move(proxy, 1, 2, 3)
print(table.concat(store, ","), table.concat(log, " "))
local fake = setmetatable({}, {__len = function() return 3 end, __index = function(_, i) return i * 11 end})
print(table.concat(fake, ","), table.unpack(fake))
local strlen = setmetatable({1, 2, 3}, {__len = function() return "2" end})
print(table.concat(strlen, ","))
local badlen = setmetatable({1, 2, 3}, {__len = function() return "x" end})
print(pcall(table.concat, badlen))
print(pcall(table.insert, badlen, 1))
local floatlen = setmetatable({1, 2, 3}, {__len = function() return 2.0 end})
print(table.concat(floatlen, ","), #floatlen)
local ro = setmetatable({}, {__newindex = function() error("read-only table", 2) end})
print(pcall(table.insert, ro, 1))
local dst = setmetatable({}, {__newindex = function(t, k, v) rawset(t, k, v * 2) end})
table.move({1, 2, 3}, 1, 3, 1, dst)
print(dst[1], dst[2], dst[3])
print(pcall(table.insert, setmetatable({}, {__index = {}}), 1))
print(pcall(table.move, 1, 1, 1, 1))
print(pcall(table.concat, setmetatable({}, {__len = function() return 1 end})))
