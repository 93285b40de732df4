-- Statement values that are trees of + - * over operands of unknown type
-- (one test for the whole tree, else the general path): integers, floats,
-- wrap-around, strings, metamethods, errors and the order of evaluation.
local function dot(a, b) return a.x * b.x + a.y * b.y end
local function dotf(a, b) local r = a.x * b.x + a.y * b.y * 1.0 return r end
local function acc(s, a, b, k) s = s + a[k] * b[k] return s end
local function hash(c, p, i) return (c * 31 + p.id * i) % 1000000007 end
local function neg(a, b) local r = -a * b - a return r end

print(dot({x = 1, y = 2}, {x = 3, y = 4}), dotf({x = 1, y = 2}, {x = 3, y = 4}))
print(dot({x = 1.5, y = 2}, {x = 2, y = 0.25}), dot({x = "3", y = 1}, {x = 2, y = "0x10"}))
print(dot({x = math.maxinteger, y = 2}, {x = 2, y = 1}), dot({x = math.mininteger, y = 0}, {x = -1, y = 5}))
print(acc(1, {2}, {3}, 1), acc(1.5, {2.5}, {3}, 1), acc(0, {math.maxinteger}, {math.maxinteger}, 1))
print(hash(5, {id = 7}, 3), hash(math.maxinteger, {id = math.maxinteger}, 3), hash(-5, {id = 3}, 1))
print(pcall(hash, 5, {id = 2.5}, 3))
print(neg(3, 4), neg(2.5, 2), neg(math.mininteger, 1), neg(math.mininteger, -1))

-- fields found through __index, and values with arithmetic metamethods
local Base = {y = 10}
Base.__index = Base
local o = setmetatable({x = 2}, Base)
print(dot(o, {x = 3, y = 4}), dot({x = 1, y = 1}, o))
local V = setmetatable({}, {__mul = function(a, b) return 100 end, __add = function(a, b) return "added" end})
print(dot({x = V, y = 1}, {x = 1, y = 1}), acc(V, {1}, {1}, 1), acc(1, {V}, {2}, 1))

-- errors name the operand as Lua does
print(pcall(dot, {y = 2}, {x = 3, y = 4}))
print(pcall(dot, {x = 1, y = 2}, {x = 3}))
print(pcall(dot, {x = 1, y = true}, {x = 3, y = 4}))
print(pcall(acc, 1, {}, {3}, 1))
print(pcall(acc, 1, {2}, {}, 1))
print(pcall(acc, nil, {2}, {3}, 1))
print(pcall(acc, 1, nil, {3}, 1))
print(pcall(neg, nil, 1))
print(pcall(dot, nil, {}))

-- operands with effects are evaluated once, in order
local log = {}
local tracked = setmetatable({}, {__index = function(t, k) log[#log + 1] = k; return 2 end})
local function three(t) return t.a * t.b + t.c * t.d - t.e end
print(three(tracked), table.concat(log, ","))
log = {}
local function early(t, u) local v = t.p * t.q + u return v end
print(early(tracked, 1), early(tracked, 0.5), table.concat(log, ","))

-- locals named like temporaries keep their names in errors
local function named(_t, _t_2) local r = _t * 2 + _t_2 * 3 return r end
print(named(1, 2), pcall(named, nil, 2))
print(pcall(named, 1, {}))

-- numerals operated on together wrap as integers before meeting a float
local function big(x) local r = x + 4611686018427387904 * 4 - 2 * 3 return r end
print(big(0.5), big(1.5), pcall(big, "x"))
local function huge(x, y) local r = x * 1e999 + y * -1e999 return r end
print(huge(1.0, 2.0), huge(0.5, -0.5), huge(-1.0, 1.5), huge("1", 2), pcall(huge, {}, 1))
