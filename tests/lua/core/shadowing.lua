-- Shadowing: locals over globals, redeclaring in the same scope, parameters
x = "global x"
local print = print
print(x)
local x = "local x"
print(x, _G.x)
local x = x .. " again"
print(x)
do
  local x = 1
  do
    local x = x + 1
    print("inner", x)
  end
  print("middle", x)
end
print("outer", x)

-- parameters shadow outer locals, and can be redeclared
local y = "outer y"
local function f(y)
  print("param", y)
  local y = (y or 0) + 100
  return y
end
print(f(5), f(), y)

-- closures see the binding current at their creation point
local v = 1
local function get1() return v end
local v = 2
local function get2() return v end
v = 3
print(get1(), get2())

-- local function vs local f = function: recursion target
function fact(n) return "global fact" end
local function fact1(n) if n <= 1 then return 1 end return n * fact1(n - 1) end
local fact2 = function(n) if n <= 1 then return 1 end return n * fact(n - 1) end
print(fact1(5), pcall(fact2, 5))

-- loop variables shadow outer names; the outer one is untouched
local i = "outer i"
for i = 1, 2 do local i = i * 10 print("loop", i) end
print(i)
for _, i in ipairs({"a", "b"}) do print("gen", i) end
print(i)

-- shadowing a standard function locally
do
  local type = function() return "fake" end
  print(type(1))
end
print(type(1))

-- same name for several locals in one statement: the last one wins
local a, a = 1, 2
print(a)
local function g(b, b) return b end
print(g(1, 2))
