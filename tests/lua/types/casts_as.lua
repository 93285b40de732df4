-- 'e as T' casts bind tighter than every operator; '(e as T).f'; 'x as T.f' casts to a dotted type.
local function get(): any return 6 end
local raw = get()
local n = raw as number
local m = raw as number + 1
local k = -raw as integer
local s = raw as string .. "!"
local c = raw as number * 2 ^ 2
print(n, m, k, s, c)
local t = {size = 3, inner = {v = 8}}
print((t as {size: integer}).size, (t.inner as {v: number}).v)
local same = t as T.size
print(type(same), same == t)
local chained = raw as any as number as integer
local maybe = raw as integer?
print(chained, maybe, not raw as boolean, #("abc" as string))
local f = (print as (string, number) -> ())
f("called", raw as number * 2)
local function pair(): (number, number) return 1, 2 end
print((pair() as number), (pair()) as number + 10)
