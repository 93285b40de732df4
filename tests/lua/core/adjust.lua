local function mr() return 1, 2, 3 end
local t = {}
t.a, t.b = mr()
print(t.a, t.b)
t.a, t.b, t.c, t.d = 0, mr()
print(t.a, t.b, t.c, t.d)
t.a, t.b = mr(), 10
print(t.a, t.b)
local x, y = (mr())
print(x, y)
-- Calls in the middle of a list give one value.
print(mr(), mr())
print(({mr(), mr()})[4] == nil, #{mr(), mr()})
local function id(...) return ... end
print(id(mr()))
print(id((mr())))
print(id(mr(), nil))
local s = 0
for _, v in ipairs({mr()}) do s = s + v end
print(s)
-- Function arguments are adjusted too.
local function three(a, b, c) return c, b, a end
print(three(mr()))
print(three(1))
print(three(1, 2, 3, 4, 5))
-- String method call results
local up, n = ("abc"):gsub("b", "B")
print(up, n)
