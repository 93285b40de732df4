-- sort: comparator errors, non-table arguments, __index/__newindex tables
local ok, err = pcall(table.sort, {1, 2, 3}, function(a, b) error("cmp failed") end)
print(ok, err)
ok, err = pcall(table.sort, {1, 2, 3}, function(a, b) error({code = 1}) end)
print(ok, type(err), err.code)
ok, err = pcall(table.sort, {3, 2, 1}, function(a, b) return a.x < b.x end)
print(ok, err)
ok, err = pcall(function() table.sort({2, "1"}) end)
print(ok, err)
ok, err = pcall(function() table.sort("abc") end)
print(ok, err)
ok, err = pcall(function() table.sort({1, 2}, {}) end)
print(ok, err)
local store = {30, 10, 20}
local proxy = setmetatable({}, {
  __index = store,
  __newindex = store,
  __len = function() return #store end,
})
table.sort(proxy)
print(store[1], store[2], store[3], rawlen(proxy))
local shuffled = {}
for i = 1, 200 do shuffled[i] = (i * 37) % 200 + 1 end
table.sort(shuffled)
local good = true
for i = 1, 200 do if shuffled[i] ~= i then good = false end end
print(good)
local strs = {}
for i = 1, 50 do strs[i] = string.char(65 + (i * 11) % 26) .. i end
table.sort(strs)
print(strs[1], strs[2], strs[50])
local same = {}
for i = 1, 100 do same[i] = 1 end
table.sort(same)
print(#same, same[1], same[100])
local r = {}
for i = 1, 100 do r[i] = 100 - i end
local n = 0
table.sort(r, function(a, b) n = n + 1; return a < b end)
print(r[1], r[100], n > 0)
