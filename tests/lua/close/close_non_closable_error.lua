-- Uncaught: a <close> variable that gets a non-closable value
local log = {}
do
  local fine <close> = setmetatable({}, {__close = function() print("fine closed") end})
end
local function open(name)
  return {name = name}
end
do
  local f <close> = open("data.txt")
  print("never printed")
end
