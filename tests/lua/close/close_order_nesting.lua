-- Multiple to-be-closed variables close in reverse order of declaration
local log = {}
local function closer(name)
  return setmetatable({}, {__close = function() log[#log + 1] = name end})
end
do
  local a <close> = closer("a")
  local b <close> = closer("b")
  local c <close> = closer("c")
end
print(table.concat(log, " ")) log = {}

-- nested blocks: inner blocks close first, at their own end
do
  local o1 <close> = closer("o1")
  do
    local i1 <close> = closer("i1")
    log[#log + 1] = "inner body"
  end
  log[#log + 1] = "between"
  local o2 <close> = closer("o2")
end
print(table.concat(log, " ")) log = {}

-- several names in one local statement: only one may be <close>
do
  local p, q <close>, r = "p", closer("q"), "r"
  log[#log + 1] = p .. r
end
print(table.concat(log, " ")) log = {}
print(load("local a <close>, b <close> = nil, nil"))

-- closing functions that close other things
do
  local outer <close> = setmetatable({}, {__close = function()
    log[#log + 1] = "outer start"
    do local nested <close> = closer("nested in close") end
    log[#log + 1] = "outer end"
  end})
end
print(table.concat(log, " ")) log = {}

-- interleaved with ordinary locals and closures capturing the variable
local getter
do
  local v <close> = closer("captured")
  getter = function() return v ~= nil end
end
print(table.concat(log, " "), getter()) log = {}

-- recursion: each activation closes its own variable
local function rec(n)
  local c <close> = closer("rec" .. n)
  if n > 0 then rec(n - 1) end
  log[#log + 1] = "exit" .. n
end
rec(2)
print(table.concat(log, " ")) log = {}

-- the same object closed twice when assigned to two variables
local shared = closer("shared")
do
  local x <close> = shared
  local y <close> = shared
end
print(table.concat(log, " ")) log = {}
