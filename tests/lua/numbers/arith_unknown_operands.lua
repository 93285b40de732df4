-- + - * on operands whose types are known only at run time
local vals = {1.5, 2, -0.0, 0.0, 1/0, -1/0, "3", "0x10", " 2.5 ", math.maxinteger, math.mininteger, 2^53}
for i = 1, #vals do
  for j = 1, #vals do
    local a, b = vals[i], vals[j]
    local ok1, s = pcall(function() return a + b end)
    local ok2, d = pcall(function() return a - b end)
    local ok3, m = pcall(function() return a * b end)
    print(i, j, s, math.type(s), d, math.type(d), m, math.type(m))
  end
end
local rows = {{x = 0.5}, {x = 2}, {x = "4"}}
local sum = 0.0
for _, r in ipairs(rows) do sum = sum + r.x * r.x end
print(sum, math.type(sum))
local V = setmetatable({}, {__add = function(a, b) return "added" end, __mul = function() return 7 end})
local box = {V, 1.5}
print(box[1] + box[2], box[2] + box[1], box[2] * box[1], box[1] * box[2] + box[2])
print(pcall(function() local t = {}; return t.a + 1.5 end))
print(pcall(function() local t = {a = {}}; return 2.5 * t.a end))
print(pcall(function() local t = {2.5}; local u; return t[1] - u end))
print(pcall(function() return box[2] + true end))
-- a field read with an integer constant
local acc = {n = 1, f = 1.5, s = "7", big = math.maxinteger, low = math.mininteger, v = V}
print(acc.n + 1, acc.f + 1, acc.s + 1, acc.big + 1, acc.low - 1, acc.v + 1, acc.big * 2, acc.n - 3)
local counts = {}
for _, w in ipairs({"a", "b", "a"}) do counts[w] = (counts[w] or 0) + 1 end
print(counts.a, counts.b)
print(pcall(function() return acc.missing + 1 end))
print(pcall(function() return acc.v * 2 end))
print(pcall(function() return {} - 1 end))
