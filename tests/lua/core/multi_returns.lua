local function none() end
local function one() return 1 end
local function two() return 1, 2 end
local function three() return "a", "b", "c" end
print(none())
print(one())
print(two())
print(three())
print((three()))
print(two(), three())
print(three(), "end")
local a, b, c, d = two()
print(a, b, c, d)
local e, f = none()
print(e, f)
local t = {two(), two()}
print(#t, t[1], t[2], t[3])
local u = {two(), (two())}
print(#u)
local function pass(...) return ... end
print(pass(three()))
print(select("#", pass()))
print(select("#", pass(nil, nil)))
local function tail(n) if n == 0 then return "done", n end return tail(n - 1) end
print(tail(5))
local s = "x" .. (two())
print(s)
print(math.max(two()), math.max(three ~= nil and 5 or 0, two()))
