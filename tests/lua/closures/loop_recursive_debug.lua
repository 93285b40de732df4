-- the same with the debug library in use (loop variables live in cells)
local getinfo = debug.getinfo
local fs = {}
for i = 1, 3 do
  local function count(n) if n == 0 then return i end return count(n - 1) + 1 end
  fs[i] = count
end
print(fs[1](2), fs[2](2), fs[3](0), getinfo(fs[1]).what)
