-- calls of local functions whose returns always give the same number of values,
-- assigned to as many targets, fewer and more
local function two(x) return x, x * 2 end
local function three(x) if x > 0 then return x, nil, -x end return 0, false, nil end
local function mixed(x) if x then return 1, 2 end return 3 end
local function ends_without_return(x) if x then return 1, 2 end end
local function one_nil() return nil end
local function pair_of_nils() return nil, nil end
local function with_varargs(...) return ..., "last" end

local a, b = two(5)
print(a, b)
local c, d, e = three(4)
print(c, d, e)
c, d, e = three(-1)
print(c, d, e)
local f, g, h = two(7)
print(f, g, h)
local i = two(9)
print(i)
local j, k = mixed(true)
print(j, k)
j, k = mixed(false)
print(j, k)
local l, m = ends_without_return(false)
print(l, m)
l, m = ends_without_return(true)
print(l, m)
local n, o = one_nil()
print(n, o)
local p, q, r = pair_of_nils()
print(p, q, r, select("#", pair_of_nils()))
local s, t, u = with_varargs(1, 2, 3)
print(s, t, u)
local t1 = {two(3)}
print(#t1, t1[1], t1[2])
print(two(4))
print((two(4)))
local x, y, z = 0, two(8)
print(x, y, z)
local w1, w2, w3, w4 = two(1), three(2)
print(w1, w2, w3, w4)
-- a table or upvalue target, and reassignment after the call
local box = {}
box.a, box.b = two(11)
print(box.a, box.b)
local function rebind()
  local v1, v2 = two(2)
  v1, v2 = v2, v1
  return v1, v2
end
print(rebind())
