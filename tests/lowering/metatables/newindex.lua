-- __newindex intercepts stores of new keys; rawset stores without it.
local log = {}
local t = setmetatable({}, {
    __newindex = function(t, k, v)
        log[#log + 1] = k
        rawset(t, k, v)
    end,
})
t.a = 1
t.a = 2
t.b = 3
print(#log, t.a, t.b)
