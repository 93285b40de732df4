-- load with string chunks: results, globals, locals, repeated calls
local f = load("return 1 + 1")
print(type(f), f())
print(load("return 1, nil, 'three'")())
print(select("#", load("return")()))
print(select("#", load("")()))
-- a loaded chunk is a new function each time load is called
local counter_src = "count = (count or 0) + 1 return count"
local c1 = load(counter_src)
print(c1(), c1(), count)
local c2 = load(counter_src)
print(c2(), c1 == c2)
-- locals in a chunk do not leak, globals do
load("local hidden = 1; visible = 2")()
print(hidden, visible)
-- chunks can define functions and return them
local mk = load([[
  local n = 0
  return function() n = n + 1 return n end
]])
local inc = mk()
print(inc(), inc(), mk()())
-- chunks see the caller's globals, not its locals
local secret = "local"
shared = "global"
print(load("return secret, shared")())
-- multi-line chunk with a loop and a table result
local t = load([[
  local r = {}
  for i = 1, 5 do r[#r + 1] = i * i end
  return r
]])()
print(#t, table.concat(t, " "))
-- a chunk that loads another chunk
print(load("return load('return 40 + 2')()")())
-- the chunk name does not affect successful results
print(load("return 'named'", "=my chunk")())
-- load accepts a string with a leading shebang? (no: only files skip it)
print(load("#!shebang\nreturn 1"))
-- a chunk can return a varying number of results
local varying = load("local n = ... return table.unpack({1, 2, 3}, 1, n)")
print(varying(0))
print(varying(2))
print(varying(3))
-- load with mode "t" works; mode "b" rejects text
print(load("return 'text ok'", "m", "t")())
print(load("return 1", "m", "b"))
