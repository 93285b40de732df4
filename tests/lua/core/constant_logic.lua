-- `and`/`or` with a constant left operand: the result, what runs, error names
local calls = 0
local function f(v) calls = calls + 1; return v end
print(1 and f("a"), nil and f("b"), false and f("c"), true and f("d"), "s" and f("e"))
print(1 or f("f"), nil or f("g"), false or f("h"), true or f("i"), 0 or f("j"))
print(calls)
print(nil and nil, false or nil, nil or false, 1 and nil, 2 or nil)
print(pcall(function() return -(255 and _ENV.undef) end))
print(pcall(function() return -(255 and undef) end))
print(pcall(function() return (nil or undef2) + 1 end))
print(pcall(function() local t = {}; return (true and t.x) .. "s" end))
print(pcall(function() local s = "inf" return (1 and s) | 2 end))
print(pcall(function() return (1 and math.huge) | 2 end))
print(pcall(function() return (nil or "x") | 2 end))
print(pcall(function() local t = {f = 1.5} return (true and t.f) | 2 end))
print(pcall(function() local s = "inf" return (false or s) + {} end))
print(pcall(function() local t = {} return -("a" and t) end))
-- chains of constants fold as in Lua's compiler
print(pcall(function() return ("10" and -(2^53 + 1) and " 0x1p4 " and "9e99") >> 1 end))
print(pcall(function() return (nil or false or "s") | 1 end))
print(pcall(function() return (1 and nil or "t") .. {} end))
print(pcall(function() return ((1 / 0) and "inf") + {} end))
print(pcall(function() return (2^0.5 and 3 or f()) end))
print((nil and 1 or 2), (false or nil and 1), (1 or error("no")), (-3 and 4))
