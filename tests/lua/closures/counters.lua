local function counter(start)
  local n = start or 0
  return function(step) n = n + (step or 1) return n end
end
local c1, c2 = counter(), counter(100)
print(c1(), c1(), c1(5), c2(), c1())
local function pair()
  local v = 0
  local function get() return v end
  local function set(x) v = x end
  return get, set
end
local get, set = pair()
set(42)
print(get())
local get2, set2 = pair()
set2("other")
print(get(), get2())
-- Upvalue of an upvalue
local function outer()
  local x = 1
  return function()
    return function() x = x * 2 return x end
  end
end
local mk = outer()
local d1, d2 = mk(), mk()
print(d1(), d2(), d1())
