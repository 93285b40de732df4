-- debug.upvaluejoin: one closure's upvalue becomes another's variable
local a, b = 1, 2
local function f() return a end
local function g() return b end
local function h() a = a + 100; return a end
print(f(), g(), debug.upvalueid(f, 1) == debug.upvalueid(g, 1))
debug.upvaluejoin(f, 1, g, 1)
print(f(), g(), h(), debug.upvalueid(f, 1) == debug.upvalueid(g, 1))
print(debug.upvalueid(f, 1) == debug.upvalueid(h, 1))
b = 7
print(f(), g(), a, b)
print(pcall(debug.upvaluejoin, f, 2, g, 1))
print(pcall(debug.upvaluejoin, f, 1, g, 3))
print(pcall(debug.upvaluejoin, 1, 1, g, 1))
print(pcall(debug.upvaluejoin, f, 1, nil, 1))

-- a dumped function has fresh upvalues; joining gives it a shared one
local p, q = 10, 20
local sum = load(string.dump(function () return p + q end))
local shared = 3
local get = function () return shared end
debug.upvaluejoin(sum, 1, get, 1)
debug.upvaluejoin(sum, 2, get, 1)
print(sum())
shared = 4
print(sum(), p, q)
