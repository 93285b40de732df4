-- Varargs passed through several layers keep their count and nils
local function count(...) return select("#", ...) end
local function pass(...) return ... end
local function pass2(...) return pass(...) end
local function pass3(...) local r = table.pack(pass2(...)) return table.unpack(r, 1, r.n) end
print(count(pass3()), count(pass3(nil)), count(pass3(nil, nil)), count(pass3(1, nil, 2, nil)))
print(pass3(1, nil, 2, nil))

-- named params plus varargs
local function head_tail(first, ...)
  return first, count(...), ...
end
print(head_tail())
print(head_tail(1))
print(head_tail(1, 2, 3))

-- extra args to fixed params are dropped; missing are nil
local function two(a, b) return a, b end
print(two(1, 2, 3), two(1))
print(count(two()))

-- varargs in table constructors: middle truncates, end expands
local function build(...)
  return {..., "x"}, {"x", ...}, {n = count(...), ...}
end
local t1, t2, t3 = build("a", "b", "c")
print(#t1, t1[1], t1[2], #t2, t2[4], t3.n, t3[3])

-- vararg functions as callbacks
local function map(f, ...)
  local out = {}
  for i = 1, count(...) do out[i] = f((select(i, ...))) end
  return table.unpack(out, 1, count(...))
end
print(map(function(x) return x and x * 2 end, 1, nil, 3))

-- varargs used in expressions
local function first_plus(...) return (...) + 1, ... == 5 end
print(first_plus(5, 6))
local function cat(...) return table.concat({...}, "-") end
print(cat("a", "b", "c"), cat())

-- a vararg closure keeps its own ... (captured via a table)
local function defer(...)
  local args = table.pack(...)
  return function() return table.unpack(args, 1, args.n) end
end
local d = defer(1, nil, 3)
print(count(d()), d())

-- string.format and print with forwarded nils
local function log(fmt, ...) return string.format(fmt, ...) end
print(log("%s|%s|%s", nil, false, 1))

-- deep forwarding of many values
local function many(n, ...) if n == 0 then return ... end return many(n - 1, n, ...) end
print(count(many(50)), (many(5)), select(-1, many(5)))
