print(undefined_global)
counter = 0
local function inc() counter = counter + 1 end
inc(); inc()
print(counter)
_G.viaG = "set through _G"
print(viaG)
print(_G.counter, _G["inc"])
function globalfn(a) return a * 2 end
print(globalfn(21))
local t = {}
function t.f(x) return x + 1 end
function t:m(x) return self == t, x end
print(t.f(1), t:m(5))
print(type(print), type(_G), _G._G == _G)
local print = print
print("local print works")
