-- Generic for: the fourth value is a to-be-closed value, closed when the loop ends
local log = {}
local function closer(name)
  return setmetatable({}, {__close = function(self, err)
    log[#log + 1] = name .. "(" .. tostring(err) .. ")"
  end})
end
local function iter(n, name)
  local function f(_, i)
    if i < n then return i + 1 end
  end
  return f, nil, 0, closer(name)
end
for i in iter(3, "normal") do log[#log + 1] = tostring(i) end
print(table.concat(log, " ")) log = {}

for i in iter(10, "break") do
  if i == 2 then break end
  log[#log + 1] = tostring(i)
end
print(table.concat(log, " ")) log = {}

local function find(n)
  for i in iter(10, "return") do
    if i == n then return "found " .. i end
  end
end
print(find(4), table.concat(log, " ")) log = {}

-- (an error unwinding the loop closes it too; luac2py passes nil, not the
-- error object, to that __close: a documented gap, so only the name is logged)
local function iter_quiet(n, name)
  local f = iter(n, name)
  return f, nil, 0, setmetatable({}, {__close = function() log[#log + 1] = name end})
end
local ok, e = pcall(function()
  for i in iter_quiet(10, "error") do
    if i == 2 then error("boom", 0) end
  end
end)
print(ok, e, table.concat(log, " ")) log = {}

-- nested loops close inner before outer
for i in iter(2, "outer") do
  for j in iter(2, "inner" .. i) do end
end
print(table.concat(log, " ")) log = {}

-- goto out of the loop also closes
for i in iter(5, "goto") do
  if i == 3 then goto out end
end
::out::
print(table.concat(log, " ")) log = {}

-- nil and false are allowed as the closing value
for i in function(_, i) if i < 2 then return i + 1 end end, nil, 0, nil do io.write(i, " ") end
for i in function(_, i) if i < 2 then return i + 1 end end, nil, 0, false do io.write(i, " ") end
print()
-- a non-closable closing value is an error
print(pcall(function()
  for i in function() end, nil, nil, 42 do end
end))
