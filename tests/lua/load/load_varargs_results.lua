-- Loaded chunks are vararg functions
local f = load("return ...")
print(f(1, 2, 3))
print(select("#", f(nil, nil)))
local swap = load("local a, b = ... return b, a")
print(swap("x", "y"))
local count = load("return select('#', ...)")
print(count(), count(nil), count(1, nil, nil))
local pack = load("local t = {...} return #t, t[1], t[#t]")
print(pack(5, 6, 7))
local sum = load([[
  local s = 0
  for i = 1, select("#", ...) do s = s + (select(i, ...)) end
  return s
]])
print(sum(1, 2, 3, 4.5))
-- varargs forwarded into a nested function inside the chunk
local nested = load("local args = table.pack(...) return function() return args.n, table.unpack(args, 1, args.n) end")
print(nested("a", nil)())
-- a chunk returning a function that itself takes varargs
local mk = load("return function(...) return select('#', ...) * 10 end")()
print(mk(1, 2, 3))
-- a chunk as a callback
local results = {}
for i = 1, 3 do results[i] = load("local n = ... return n * n")(i) end
print(table.concat(results, " "))
-- `...` at the top of a chunk truncated by parentheses
print(load("return (...)")(7, 8, 9))
-- a chunk whose last expression call expands
print(load("return string.byte(...)")("ABC", 1, -1))
-- a chunk returning nothing vs returning nil
print(select("#", load("local _ = ...")(1)), select("#", load("return nil")()))
-- an uncaught error from a loaded chunk keeps its chunk name
local bad = load("local v = ... return v.field", "=loaded")
bad(nil)
