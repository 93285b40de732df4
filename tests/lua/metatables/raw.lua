local log = {}
local t = setmetatable({}, {
  __index = function(_, k) return "meta:" .. k end,
  __newindex = function(_, k) log[#log + 1] = k end,
  __len = function() return 99 end,
  __eq = function() return true end,
})
rawset(t, "a", 1)
t.b = 2
print(rawget(t, "a"), rawget(t, "b"), t.b, #log)
print(#t, rawlen(t), rawlen({1, 2}), rawlen("four"))
local t2 = setmetatable({}, getmetatable(t))
print(t == t2, rawequal(t, t2), rawequal(t, t), rawequal("a", "a"), rawequal(1, 1.0))
print(rawget(t, "zzz"), t.zzz)
print(rawset(t, 1, "one") == t, rawget(t, 1))
print(pcall(rawset, t, nil, 1))
print(pcall(rawget, "str", 1))
print(pcall(rawlen, 5))
print(rawequal(nil, nil), rawequal({}, {}), rawequal(t, nil))
