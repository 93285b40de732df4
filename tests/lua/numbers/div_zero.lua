print(pcall(function() return 1 // 0 end))
print(pcall(function() return 1 % 0 end))
print(1 / 0, -1 / 0, 1.0 // 0, 1 % 0.0 ~= 1 % 0.0)
local zero = 0
local ok, err = pcall(function() return 10 // zero end)
print(ok, err)
ok, err = pcall(function() return 10 % zero end)
print(ok, err)
print(0 / 0 ~= 0 / 0)
local n = 7
print(n // zero)
