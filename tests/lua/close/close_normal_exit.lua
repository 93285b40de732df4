-- <close> variables are closed when their block ends normally
local log = {}
local function closer(name)
  return setmetatable({name = name}, {__close = function(self, err)
    log[#log + 1] = self.name .. "(" .. tostring(err) .. ")"
  end})
end
do
  local a <close> = closer("a")
  log[#log + 1] = "body"
end
log[#log + 1] = "after"
print(table.concat(log, " ")) log = {}

-- the closed value is the one assigned at declaration
do
  local obj = closer("original")
  local x <close> = obj
  obj = closer("replacement")
end
print(table.concat(log, " ")) log = {}

-- closing happens at each loop iteration
for i = 1, 3 do
  local c <close> = closer("iter" .. i)
  log[#log + 1] = "body" .. i
end
print(table.concat(log, " ")) log = {}

-- in functions: return values are computed before closing
local function f()
  local r <close> = closer("f")
  log[#log + 1] = "returning"
  return #log
end
print(f(), table.concat(log, " ")) log = {}

-- while and repeat bodies
local n = 0
while n < 2 do
  n = n + 1
  local w <close> = closer("while" .. n)
end
repeat
  local r <close> = closer("repeat")
until true
print(table.concat(log, " ")) log = {}

-- the __close metamethod is looked up when closing, not at declaration
local mt = {__close = function() log[#log + 1] = "first version" end}
do
  local v <close> = setmetatable({}, mt)
  mt.__close = function() log[#log + 1] = "second version" end
end
print(table.concat(log, " ")) log = {}

-- __close gets exactly two arguments on a normal exit: the value and nil
do
  local v <close> = setmetatable({}, {__close = function(...) log[#log + 1] = select("#", ...) end})
end
print(table.concat(log, " ")) log = {}

-- a to-be-closed variable is const
print(load("local x <close> = nil; x = 1"))
-- the main chunk closes its variables at the end, too
local final <close> = setmetatable({}, {__close = function() print("main chunk closed") end})
print("last statement")
