-- rawget rawset rawequal rawlen select setmetatable getmetatable type
local mt = {__index = function() return "meta" end, __newindex = function() error("blocked") end,
  __len = function() return 99 end, __eq = function() return true end}
local a = setmetatable({}, mt)
local b = setmetatable({}, mt)
print(a.x, rawget(a, "x"), #a, rawlen(a), a == b, rawequal(a, b), rawequal(a, a))
print(pcall(function() a.y = 1 end))
print(rawset(a, "y", 2) == a, rawget(a, "y"), a.y)
print(rawlen({1, 2, 3}), rawlen("abcd"), rawequal("x", "x"), rawequal(1, 1.0), rawequal(0, -0))
print(pcall(rawlen, 5))
print(pcall(rawget, "s", 1))
print(pcall(rawset, {}, nil, 1))
print(pcall(rawset, {}, 0/0, 1))
print(pcall(rawequal, 1))
print(select("#"), select("#", nil, nil), select("#", 1, 2, 3))
print(select(2, "a", "b", "c"), select(-1, "a", "b", "c"), select(-3, "a", "b", "c"))
print(select(4, "a", "b", "c"))
print(pcall(select, 0, "a"))
print(pcall(select, -4, "a", "b", "c"))
print(pcall(select, "x"))
print(select("2", "a", "b"), select(2.0, "a", "b"))
local prot = setmetatable({}, {__metatable = "locked"})
print(getmetatable(prot), pcall(setmetatable, prot, {}))
print(getmetatable("abc").__index == string, getmetatable(1), getmetatable(nil), getmetatable(print))
local t = {}
print(setmetatable(t, nil) == t, getmetatable(t))
print(pcall(setmetatable, t, 5))
print(pcall(setmetatable, 5, {}))
print(pcall(setmetatable, t))
local named = setmetatable({}, {__name = "MyType"})
print(pcall(string.rep, named))
print(type(nil), type(1), type(1.5), type("s"), type({}), type(print), type(type), type(true))
print(pcall(type))
local cls = {}
cls.__index = cls
function cls.new(v) return setmetatable({v = v}, cls) end
function cls:get() return self.v end
print(cls.new(5):get(), getmetatable(cls.new(1)) == cls)
