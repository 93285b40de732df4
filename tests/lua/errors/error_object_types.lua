-- error() with non-string values, positions and levels
local function catch(...) local r = table.pack(pcall(...)) return table.unpack(r, 1, r.n) end
local t = {code = 7}
local ok, e = catch(error, t)
print(ok, e == t, e.code)
print(catch(error))
print(catch(error, nil))
print(catch(error, 42))
print(catch(error, 4.5))
print(catch(error, false))
print(select("#", catch(error)))
ok, e = catch(error, print)
print(ok, e == print)
-- only strings get position information
print(catch(function() error("with position") end))
print(catch(function() error("level 0", 0) end))
print(catch(function() error(12) end))
print(catch(function() error({}, 2) end) == false)
print(math.type(select(2, catch(function() error(12) end))))
-- a numeric string is still a string
print(catch(function() error("12") end))
-- levels: 1 = the function calling error, 2 = its caller, ...
local function lvl(n) error("at level " .. n, n) end
local function call_lvl(n)
  lvl(n)
end
print(catch(call_lvl, 1))
print(catch(call_lvl, 2))
print(catch(call_lvl, 3))
print(catch(call_lvl, 4))
-- error rethrown keeps the original message (no second position)
print(catch(function()
  local ok, err = pcall(error, "inner")
  error(err, 0)
end))
print(catch(function()
  local ok, err = pcall(function() error("deep") end)
  error(err)
end))
-- error with a table carrying __tostring
local obj = setmetatable({}, {__tostring = function() return "custom object" end})
ok, e = catch(error, obj)
print(ok, tostring(e), e == obj)
-- error message as a number keeps its type through pcall
ok, e = catch(function() error(3.0) end)
print(ok, e, math.type(e))
error(true)
