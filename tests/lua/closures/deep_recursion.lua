local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
print(depth(10000))
print(depth(150000))
local function build(n) if n == 0 then return nil end return {next = build(n - 1), v = n} end
local list, count = build(50000), 0
while list do count = count + 1 list = list.next end
print(count)
local function infinite() return 1 + infinite() end
local ok, e = pcall(infinite)
print(ok, e)
print(pcall(depth, 1e7))
