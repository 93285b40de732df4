local function map(t, f) local r = {} for i, v in ipairs(t) do r[i] = f(v) end return r end
local function filter(t, p) local r = {} for _, v in ipairs(t) do if p(v) then r[#r + 1] = v end end return r end
local function reduce(t, f, acc) for _, v in ipairs(t) do acc = f(acc, v) end return acc end
local nums = {1, 2, 3, 4, 5, 6}
local sq = map(nums, function(x) return x * x end)
print(table.concat(sq, " "))
local ev = filter(sq, function(x) return x % 2 == 0 end)
print(table.concat(ev, " "))
print(reduce(nums, function(a, b) return a + b end, 0))
local function compose(f, g) return function(...) return f(g(...)) end end
local inc = function(x) return x + 1 end
local dbl = function(x) return x * 2 end
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
local function curry(f) return function(a) return function(b) return f(a, b) end end end
print(curry(math.max)(3)(9))
local function partial(f, ...)
  local bound = table.pack(...)
  return function(...)
    local args = {}
    for i = 1, bound.n do args[i] = bound[i] end
    local extra = table.pack(...)
    for i = 1, extra.n do args[bound.n + i] = extra[i] end
    return f(table.unpack(args, 1, bound.n + extra.n))
  end
end
print(partial(string.format, "%s-%s")("a", "b"))
local memoize = function(f)
  local cache = {}
  return function(x)
    local v = cache[x]
    if v == nil then v = f(x) cache[x] = v end
    return v
  end
end
local calls = 0
local slow = memoize(function(x) calls = calls + 1 return x * 3 end)
print(slow(2), slow(2), slow(3), calls)
