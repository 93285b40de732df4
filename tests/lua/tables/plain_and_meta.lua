-- Tables with and without metatables: nil fields from constructors and
-- variables, metatables set and removed, __eq between a plain table and one
-- with a metatable, and string values read through fields.
local function f(v) return v end
local t = {a = f(nil), b = 1, f(nil), 2}
print(t.a, t.b, t[1], t[2], #t >= 0)
local n = 0
for k, v in pairs(t) do n = n + 1 end
print("pairs", n)

-- A nil field must not hide __index once a metatable is set.
local defaults = {color = "red", size = 3}
local obj = {color = f(nil), size = 10}
setmetatable(obj, {__index = defaults})
print(obj.color, obj.size)
obj.size = f(nil)
print(obj.size, rawget(obj, "size"))

-- Storing nil through a variable deletes; # and next agree.
local arr = {10, 20, 30}
local gone = nil
arr[3] = gone
print(#arr, next({}, nil), select("#", table.unpack(arr)))
arr[#arr + 1] = 99
print(#arr, arr[3])

-- __newindex on absent keys only; removed metatable, plain again.
local log = {}
local proxy = setmetatable({x = 1}, {__newindex = function(t, k, v) log[#log + 1] = k; rawset(t, k, v) end})
proxy.x = 2
proxy.y = 3
proxy.y = 4
print(proxy.x, proxy.y, table.concat(log, ","))
setmetatable(proxy, nil)
proxy.z = 5
print(proxy.z, #log, getmetatable(proxy))

-- __eq: only the metatable side has it; operand order as Lua calls it.
local calls = {}
local mt = {__eq = function(a, b) calls[#calls + 1] = (a.tag or "?") .. "=" .. (b.tag or "?"); return true end}
local plain = {tag = "p"}
local meta = setmetatable({tag = "m"}, mt)
print(plain == meta, meta == plain, plain ~= meta, rawequal(plain, meta))
print(table.concat(calls, " "))

-- Booleans as keys beside 1 and 0, also through __index tables.
local bk = setmetatable({}, {__index = {10, [0] = 20}})
print(bk[true], bk[false], bk[1], bk[0])
bk[true] = "t"
print(bk[true], bk[1])

-- Float keys with integer values are the integer keys.
local fk = {}
fk[2.0] = "two"
local k = 3.0
fk[k] = "three"
fk[2^53] = "big"
print(fk[2], fk[3], fk[2^53 | 0], #fk)

-- A string held in a field: its reads go to the string library.
local rec = {name = "ada"}
local function field_len(s) return s.len end
print(field_len("abc") == string.len, rec.name.upper == string.upper, rec.name:upper())
print(pcall(function() return rec.name.nothing end))
print(pcall(function() local x = rec.missing; return x.field end))
print(pcall(function() return rec.missing.field end))
