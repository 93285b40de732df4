local t = {}
t[1] = "int"
t[1.0] = "float overwrites int"
print(t[1], #t)
t[2^53] = "big"
print(t[2^53], t[9007199254740992])
t[1.5] = "frac"
print(t[1.5], t[3/2])
t["1"] = "string one"
print(t[1], t["1"])
t[true] = "yes"
print(t[true], t[1])
local k1, k2 = {}, {}
t[k1] = "k1"
t[k2] = "k2"
print(t[k1], t[k2])
local f = function() end
t[f] = "func"
print(t[f])
print(pcall(function() t[nil] = 1 end))
print(pcall(function() t[0/0] = 1 end))
print(t[nil], rawget(t, nil))
t[-0.0] = "zero"
print(t[0], t[-0.0])
t.x = nil
t.y = nil
print(t.x)
local n = 0
for _ in pairs(t) do n = n + 1 end
print(n)
