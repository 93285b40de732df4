-- Upvalues are variables, not values: later mutation is seen by closures
local x = 1
local function getx() return x end
x = 2
print(getx())
x = "str"
print(getx())

-- a closure changing its upvalue is seen by the defining scope
local count = 0
local function bump() count = count + 1 end
bump() bump()
print(count)

-- upvalues through several levels of nesting
local function level1()
  local v = "L1"
  local function level2()
    local function level3()
      v = v .. "+3"
      return v
    end
    v = v .. "+2"
    return level3
  end
  return level2, function() return v end
end
local l2, peek = level1()
local l3 = l2()
print(peek())
print(l3(), l3(), peek())

-- parameters as upvalues
local function acc(total)
  return function(n) total = total + n return total end
end
local a1, a2 = acc(0), acc(100)
print(a1(1), a1(2), a2(3), a1(4))

-- a table of closures over one variable, replaced wholesale
local state = {v = 1}
local function read() return state.v end
state = {v = 2}
print(read())

-- closures created before a variable is assigned see the later value
local late
local function uselate() return late end
print(uselate())
late = "assigned"
print(uselate())

-- upvalue captured in a closure that is stored and called from elsewhere
local registry = {}
do
  local secret = 0
  registry.inc = function() secret = secret + 1 return secret end
  registry.get = function() return secret end
end
registry.inc() registry.inc()
print(registry.get())

-- swapping upvalues with multiple assignment
local p, q = "p", "q"
local function swap() p, q = q, p end
local function show() return p .. q end
swap() print(show()) swap() print(show())

-- vararg function capturing upvalues
local prefix = ">"
local function fmt(...)
  local parts = {...}
  for i = 1, #parts do parts[i] = prefix .. parts[i] end
  return table.concat(parts, " ")
end
print(fmt("a", "b"))
prefix = "#"
print(fmt("c"))
