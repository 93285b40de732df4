-- nil and false are allowed as values of <close> variables and are ignored
do
  local a <close> = nil
  local b <close> = false
  print("nil and false accepted", a, b)
end
print("block ended")
local function f(x)
  local c <close> = x
  return "ok"
end
print(f(nil), f(false))
-- a function call returning nothing gives nil
local function nothing() end
do
  local d <close> = nothing()
  print("from call", d)
end
-- values without __close are rejected at the declaration
local function try(v)
  local ok, e = pcall(function()
    local z <close> = v
    return "unreachable"
  end)
  print(ok, e)
end
try(1)
try("str")
try(true)
try({})
try(setmetatable({}, {}))
try(setmetatable({}, {__index = {__close = function() end}}))
-- __close may be any callable? only the metamethod field is checked at declaration
try(setmetatable({}, {__close = 42}))
-- the error is raised before later statements of the block run
local ran = false
print(pcall(function()
  local ok1 <close> = setmetatable({}, {__close = function() print("earlier var closed") end})
  local bad <close> = 0
  ran = true
end), ran)
