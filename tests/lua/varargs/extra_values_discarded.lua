local function f(...) local a = 1, ... ; local b, c = 2, 3, ... ; return a, b, c end
print(f(7, 8))
local x = 5, print("side")
print(x)
