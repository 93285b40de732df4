print(pcall(function(a, b) return a + b, a * b end, 3, 4))
print(pcall(function() end))
local function handler(e) return "handled: " .. tostring(e) end
print(xpcall(function() error("boom") end, handler))
print(xpcall(function() error({}) end, function(e) return type(e) end))
print(xpcall(function(x) return x * 2 end, handler, 21))
print(xpcall(function() local t = nil; return t.x end, function(m) return "H(" .. m .. ")" end))
-- Nested pcall
print(pcall(function()
  local ok, err = pcall(error, "inner")
  error("outer after " .. tostring(err), 0)
end))
-- Errors in the handler's result
print(xpcall(function() error("x") end, function(e) return e, "extra" end))
-- pcall returns all results
local function many() return 1, 2, 3 end
print(pcall(many))
print(select("#", pcall(many)))
-- pcall with a non-function
print(pcall(42))
print(pcall(nil))
-- error objects pass through untouched
local obj = setmetatable({}, {__tostring = function() return "OBJ" end})
local ok, e = pcall(error, obj)
print(ok, e == obj, tostring(e))
-- rethrow
local ok2, e2 = pcall(function()
  local ok3, e3 = pcall(error, "first", 0)
  error(e3, 0)
end)
print(ok2, e2)
-- Errors inside nested function calls unwind everything
local depth = 0
local function recurse(n) depth = n if n == 5 then error("deep", 0) end recurse(n + 1) end
print(pcall(recurse, 1), depth)
