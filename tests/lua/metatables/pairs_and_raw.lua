-- __pairs, ipairs with __index, raw functions bypassing metamethods
local ordered = setmetatable({}, {__pairs = function(t)
  local keys = {"c", "a", "b"}
  local i = 0
  return function()
    i = i + 1
    if keys[i] then return keys[i], i * 10 end
  end, t, nil
end})
for k, v in pairs(ordered) do io.write(k, "=", v, " ") end print()
-- __pairs receives the table and its extra results are passed through
local seen
local sp = setmetatable({}, {__pairs = function(t) seen = t return next, {"x", "y"}, nil end})
for k, v in pairs(sp) do io.write(k, v, " ") end print(seen == sp)
-- ipairs respects __index and stops at the first nil
local virtual = setmetatable({}, {__index = function(_, i) if i <= 3 then return "v" .. i end end})
for i, v in ipairs(virtual) do io.write(i, v, " ") end print()
-- rawget/rawset bypass __index/__newindex
local log = {}
local t = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = "index " .. k return "meta" end,
  __newindex = function(_, k) log[#log + 1] = "newindex " .. k end,
})
print(t.a, rawget(t, "a"))
t.b = 1
rawset(t, "c", 2)
print(rawget(t, "b"), rawget(t, "c"), t.c)
print(table.concat(log, ", "))
-- rawset returns the table; rawset errors
print(rawset(t, "d", 4) == t, rawget(t, "d"))
print(pcall(rawset, t, nil, 1))
print(pcall(rawset, t, 0/0, 1))
print(pcall(rawget, "str", 1))
print(pcall(rawset, {}, "k"))
-- rawequal ignores __eq
local eqmt = {__eq = function() return true end}
local e1, e2 = setmetatable({}, eqmt), setmetatable({}, eqmt)
print(e1 == e2, rawequal(e1, e2), rawequal(e1, e1), rawequal("a", "a"), rawequal(1, 1.0))
-- rawlen ignores __len
local l = setmetatable({1, 2, 3}, {__len = function() return 99 end})
print(#l, rawlen(l), rawlen("abcd"))
print(pcall(rawlen, 5))
-- next ignores __index and __pairs
local n = setmetatable({"only"}, {__index = {extra = 1}, __pairs = function() error("not used") end})
print(next(n))
print(next({}), pcall(next, {}, "missing"))
