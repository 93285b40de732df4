local acc = {}
local total = 0
local function add(x) total = total + x end
local function reset() total = 0 end
add(5) add(7)
print(total)
reset()
print(total)
add(1)
print(total)
-- Parameters captured and reassigned
local function make(x)
  local function inc() x = x + 1 end
  local function read() return x end
  return inc, read
end
local inc, read = make(10)
inc() inc()
print(read())
-- A local declared after a closure is created is a different variable
local f
do
  local a = "first"
  f = function() return a end
  a = "changed"
end
print(f())
-- Closures over a variable assigned in a loop (not loop-fresh)
local last
local fns = {}
for i = 1, 3 do
  last = i
  fns[i] = function() return last end
end
print(fns[1](), fns[3]())
-- Nested functions sharing a variable with the enclosing loop body
local results = {}
for i = 1, 2 do
  local state = 0
  local function bump() state = state + i end
  bump() bump()
  results[i] = state
end
print(results[1], results[2])
