-- Positions of errors raised from metamethods, iterators and nested calls.
local function try(f) print(select(2, pcall(f))) end
local mt = {__add = function(a, b) error("bad add") end}
try(function() return setmetatable({}, mt) + 1 end)
try(function()
  local function iter() error("iterator failed") end
  for x in iter do end
end)
try(function()
  local obj = setmetatable({}, {__tostring = function() error("no tostring") end})
  return tostring(obj)
end)
try(function() table.sort({3, 2, 1}, function(a, b) error("cmp " .. a .. b) end) end)
try(function() local s = ("x"):rep(2) .. nil end)
try(function() error("level2", 2) end)
local function lib(x) if type(x) ~= "string" then error("expected string", 2) end end
try(function()
  lib(1)
end)
try(function() error(setmetatable({}, {__tostring = function() return "obj" end})) end)
