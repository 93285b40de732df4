local function three() return "x", "y", "z" end
local t = {1, 2, 3, n = "named", ["key with space"] = true, [10] = "ten", [2 + 2] = "four"}
print(#t, t[1], t.n, t["key with space"], t[10], t[4], t[5])
local u = {three()}
print(#u, u[1], u[3])
local v = {three(), three()}
print(#v, v[1], v[2], v[4])
local w = {(three())}
print(#w)
local x = {three(), "last"}
print(#x, x[1], x[2])
local y = {[1] = "a", [2] = "b", "c"}
print(y[1], y[2])
local z = {f = function(self) return self.v end, v = 7}
print(z:f(), z.f(z))
local mixed = {"a", k = 1, "b", [3] = "ignored?", "c"}
print(mixed[1], mixed[2], mixed[3], mixed.k)
local nested = {{1, 2}, {3, {4, 5}}, inner = {deep = {deeper = "bottom"}}}
print(nested[2][2][1], nested.inner.deep.deeper, #nested)
local trailing = {1, 2, 3,}
local semi = {1; 2; 3}
print(#trailing, #semi)
local keys = {[1.0] = "float one", [2^53] = "big"}
print(keys[1], keys[2^53], math.type(next(keys)))
local bools = {[true] = "T", [false] = "F"}
print(bools[true], bools[false], bools[1], bools[0])
local empty = {}
print(next(empty), #empty)
local function va(...) return {...} end
print(#va(), #va(1, 2), #va(nil, 2) >= 0)
local s = {"a", "b", [3] = "c", [5] = nil}
print(#s, s[3])
