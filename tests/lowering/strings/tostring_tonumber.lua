-- tostring and tonumber convert as Lua does ("10" + 1 is 11, 1e15 prints as 1e+15).
local n = tonumber("10") + 1
local f = tonumber("ff", 16)
print(n, f, tostring(1e15), tostring(3.0), "5" * 2)
