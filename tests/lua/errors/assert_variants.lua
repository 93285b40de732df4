-- assert returns all its arguments on success; failure raises the message as-is
print(assert(1, 2, 3))
print(assert(true))
print(select("#", assert("v", nil, nil)))
print(assert(0), assert(""), assert({}) ~= nil)
print(pcall(assert, false))
print(pcall(assert, nil))
print(pcall(assert, false, "custom message"))
print(pcall(assert, nil, 42))
local tbl = {}
local ok, e = pcall(assert, false, tbl)
print(ok, e == tbl)
print(pcall(assert))
print(pcall(assert, false, nil))
-- a string message gets the position of the Lua caller (like error level 1)
print(pcall(function() assert(false, "no position") end))
print(pcall(function() assert(1 == 2) end))
-- assert used for results of functions that return nil, err
local function open(name)
  if name == "good" then return "handle" end
  return nil, "cannot open " .. name
end
print(pcall(function() return assert(open("good")) end))
print(pcall(function() return assert(open("bad")) end))
-- nested assert
print(pcall(assert, assert(1, "x"), "y"))
-- assert with a string message that looks like a position
print(pcall(assert, false, "file.lua:99: fake"))
local n = 0
assert(n == 1, "n should be 1, got " .. n)
