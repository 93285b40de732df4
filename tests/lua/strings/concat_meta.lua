local s = "s"
local n = nil
local t = setmetatable({}, {__concat = function(a, b) return "T(" .. tostring(type(a)) .. "," .. tostring(type(b)) .. ")" end})
print("a" .. 1 .. 2.5 .. s, t .. "x" .. "y", "x" .. "y" .. t, "x" .. t .. "y", 1 .. t)
print(pcall(function() return "a" .. n .. "b" end))
print(pcall(function() return "a" .. "b" .. n end))
print(pcall(function() return n .. "a" .. "b" end))
print(pcall(function() return "a" .. {} .. "b" end))
local u = setmetatable({}, {__concat = function(a, b) return {} end})
print(pcall(function() return "a" .. u .. "b" end))
print(pcall(function() return "a" .. (u .. "b") end))
