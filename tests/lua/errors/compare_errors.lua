-- Ordering comparisons between incompatible types
local function try(f) local ok, e = pcall(f) print(e) end
local n, s, t, b = 1, "s", {}, true
try(function() return n < nil end)
try(function() return nil < n end)
try(function() return n <= s end)
try(function() return s >= n end)
try(function() return t < t end)
try(function() return {} <= {} end)
try(function() return b < b end)
try(function() return b > n end)
try(function() return nil > nil end)
try(function() return print < print end)
try(function() return t > 1 end)
try(function() return 1 > t end)
try(function() return "10" < 5 end)
try(function() return 2.5 >= "x" end)
try(function() local x; return x < 1 end)
-- comparisons that work
print(1 < 2.5, "a" < "b", "abc" <= "abc", 2 > 1, "b" >= "a")
print(1 == "1", t == {}, nil == false, b == true)
-- sorting with mixed types fails with the same message
print(pcall(table.sort, {3, "x", 1}))
print(pcall(table.sort, {{}, {}}))
print(pcall(math.max, 1, "x"))
local limit
if n < limit then print("never") end
