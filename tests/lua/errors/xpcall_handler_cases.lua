-- xpcall: the handler receives the raw error value and its result is returned
local function h(m) return "handled: " .. tostring(m) end
print(xpcall(function() error("boom") end, h))
print(xpcall(function() error("boom", 0) end, h))
print(xpcall(function() error() end, h))
print(xpcall(function() error({}) end, function(m) return type(m) end))
print(xpcall(function() local x; return x.f end, h))
print(xpcall(function(...) return select("#", ...), ... end, h, "a", nil))
print(xpcall(function() return "no error" end, h))
-- the handler's return value count: only one value is returned
print(xpcall(function() error("e", 0) end, function(m) return m, "extra", "values" end))
print(select("#", xpcall(function() error("e", 0) end, function() end)))
-- handler may return non-strings
print(xpcall(function() error("e", 0) end, function() return 42 end))
print(xpcall(function() error("e", 0) end, function() return nil end))
-- an error inside the handler
print(xpcall(function() error("first", 0) end, function(m) error("in handler", 0) end))
-- handler is called for runtime errors raised deep down
local depth = 0
local function deep(n) depth = n if n == 0 then return nil + 1 end return deep(n - 1) end
print(xpcall(deep, function(m) return "caught at depth " .. depth .. ": " .. m end, 5))
-- nested xpcall with different handlers
print(xpcall(function()
  local ok, e = xpcall(function() error("inner", 0) end, function(m) return "[" .. m .. "]" end)
  error(e .. " rethrown", 0)
end, function(m) return "<" .. m .. ">" end))
-- missing handler argument
print(pcall(xpcall, function() end))
-- handler gets the error object with its __tostring
local E = setmetatable({}, {__tostring = function() return "E!" end})
print(xpcall(function() error(E) end, function(e) return tostring(e) .. " via handler" end))
-- the handler can call debug.traceback (only check its type)
local ok, tb = xpcall(function() error("tb") end, debug.traceback)
print(ok, type(tb), tb:match("^[^\n]*"))
