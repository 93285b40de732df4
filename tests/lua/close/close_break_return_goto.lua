-- <close> on break, return, goto and tail-position returns
local log = {}
local function closer(name)
  return setmetatable({}, {__close = function(_, err) log[#log + 1] = name end})
end
local function flush(label) print(label, table.concat(log, " ")) log = {} end

for i = 1, 5 do
  local c <close> = closer("loop" .. i)
  if i == 2 then break end
end
flush("break")

while true do
  local outer <close> = closer("outer")
  do
    local inner <close> = closer("inner")
    break
  end
end
flush("nested break")

local function early(flag)
  local a <close> = closer("a")
  if flag then
    local b <close> = closer("b")
    return "early"
  end
  local c <close> = closer("c")
  return "late"
end
print(early(true)) flush("return")
print(early(false)) flush("return")

-- returning a call: the call runs before the variables are closed
local function callee() log[#log + 1] = "callee" return "called" end
local function tail()
  local t <close> = closer("t")
  return callee()
end
print(tail()) flush("call in return")

-- goto out of the block
do
  local g <close> = closer("g")
  goto out
end
::out::
flush("goto out")

-- backward goto closes the variable before each repetition
local k = 0
::again::
do
  local r <close> = closer("rep" .. k)
  k = k + 1
  if k < 3 then goto again end
end
flush("backward goto")

-- the value returned is the local's value even if __close changes state
local state = {v = "before"}
local function ret()
  local s <close> = setmetatable({}, {__close = function() state.v = "after" end})
  return state.v
end
print(ret(), state.v)
-- numeric loop with return from inside
local function find()
  for i = 1, 10 do
    local c <close> = closer("f" .. i)
    if i == 3 then return i end
  end
end
print(find()) flush("return from loop")
