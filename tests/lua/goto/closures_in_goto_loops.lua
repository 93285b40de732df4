-- Closures created in a goto loop capture a fresh local each time round
local fs = {}
local i = 1
::again::
local j = i
fs[#fs + 1] = function() return j end
i = i + 1
if i <= 3 then goto again end
print(fs[1](), fs[2](), fs[3]())

-- inside a function, with the shared variable outside the loop
local function build()
  local shared = 0
  local list = {}
  local k = 0
  ::loop::
  do
    local own = k
    list[#list + 1] = function() shared = shared + 1 return own, shared end
  end
  k = k + 1
  if k < 3 then goto loop end
  return list
end
local list = build()
print(list[1]())
print(list[2]())
print(list[3]())

-- captured locals can be mutated by the closure after the jump
local setters, getters = {}, {}
local n = 0
::top::
local v = n * 100
setters[#setters + 1] = function(x) v = x end
getters[#getters + 1] = function() return v end
n = n + 1
if n < 2 then goto top end
setters[1]("changed")
print(getters[1](), getters[2]())

-- goto continue inside a for: every iteration has its own local
local cs = {}
for x = 1, 4 do
  local y = x * 2
  if x % 2 == 0 then goto continue end
  cs[#cs + 1] = function() return y end
  ::continue::
end
print(#cs, cs[1](), cs[2]())
