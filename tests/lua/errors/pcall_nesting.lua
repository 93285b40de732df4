-- Nested pcall, results, and errors of pcall itself
print(pcall(function() return 1, 2, 3 end))
print(pcall(function() end))
print(select("#", pcall(function() end)))
print(pcall(function(...) return select("#", ...), ... end, nil, 2, nil))
print(pcall(pcall, error, "x"))
print(pcall(pcall, pcall, error, "y"))
print(pcall(error))
print(pcall(pcall))
print(pcall(nil))
print(pcall(42))
print(pcall({}))
print(pcall(setmetatable({}, {__call = function(_, a) return "callable " .. a end}), "ok"))
-- errors inside nested pcalls stay inside
local trace = {}
local ok, e = pcall(function()
  local ok2, e2 = pcall(function()
    local ok3, e3 = pcall(error, "innermost", 0)
    trace[#trace + 1] = tostring(ok3) .. ":" .. e3
    error("middle", 0)
  end)
  trace[#trace + 1] = tostring(ok2) .. ":" .. e2
  error("outer", 0)
end)
trace[#trace + 1] = tostring(ok) .. ":" .. e
print(table.concat(trace, " | "))
-- pcall returns false plus the error of a runtime fault
print(pcall(function() local x = nil; return x.y end))
print(pcall(function() return 1 + {} end))
-- values computed before an error are lost; side effects remain
local counter = 0
print(pcall(function() counter = counter + 1 error("after side effect", 0) end), counter)
-- pcall in a loop with errors on some iterations
local results = {}
for i = 1, 5 do
  local ok, v = pcall(function() if i % 2 == 0 then error(i) end return i * 10 end)
  results[#results + 1] = tostring(ok) .. "=" .. tostring(v)
end
print(table.concat(results, " "))
-- error objects pass through several pcall layers unchanged
local token = {}
local ok1, got = pcall(function()
  local ok2, inner = pcall(error, token)
  error(inner)
end)
print(ok1, got == token)
-- stack overflow is caught by pcall
local function rec() return 1 + rec() end
local ok3, msg = pcall(rec)
print(ok3, type(msg), msg:find("stack overflow") ~= nil)
