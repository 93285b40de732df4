-- 'e as T' casts bind tighter than every operator; '(e as T).f'; 'x as T.f' casts to a dotted type.
local function get() return 6 end
local raw = get()
local n = raw
local m = raw + 1
local k = -raw
local s = raw .. "!"
local c = raw * 2 ^ 2
print(n, m, k, s, c)
local t = {size = 3, inner = {v = 8}}
print((t).size, (t.inner).v)
local same = t
print(type(same), same == t)
local chained = raw
local maybe = raw
print(chained, maybe, not raw, #("abc"))
local f = (print)
f("called", raw * 2)
local function pair() return 1, 2 end
print((pair()), (pair()) + 10)
