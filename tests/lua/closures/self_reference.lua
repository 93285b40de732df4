local f
f = function(n) if n == 0 then return "done" end return f(n - 1) end
print(f(3))
local g = function(n) return n end
local h = g
g = function(n) return "replaced " .. n end
print(h(1), g(1))
local function outer()
  local function inner(n) if n <= 0 then return 0 end return n + inner(n - 1) end
  return inner
end
print(outer()(10))
local t = {}
function t.countdown(n) if n == 0 then return {} end local r = t.countdown(n - 1) r[#r + 1] = n return r end
print(table.concat(t.countdown(4), ","))
local obj = {n = 0}
function obj:inc() self.n = self.n + 1 return self end
print(obj:inc():inc():inc().n)
-- A local function redefined later in the same scope
local function v() return 1 end
local a = v
local function v() return 2 end
print(a(), v())
-- Closure sees later assignment to the upvalue
local later
local function get() return later end
later = "assigned after"
print(get())
-- Upvalue assigned in a nested closure and read by another
local state = "init"
local function set(x) state = x end
local function read() return state end
set("one")
print(read())
set(nil)
print(read())
