-- a recursive local function made inside a loop sees its own iteration's self
local fs = {}
for i = 1, 3 do
  local function count(n) if n == 0 then return i end return count(n - 1) + 1 end
  fs[i] = count
end
print(fs[1](2), fs[2](2), fs[3](0))
local j = 0
while j < 2 do
  j = j + 1
  local k = j * 10
  local function down(n) if n <= 0 then return k end return down(n - 1) end
  fs[#fs + 1] = down
end
print(fs[4](3), fs[5](1))
for _, name in ipairs({"a", "b"}) do
  local function rep(n) if n == 0 then return "" end return name .. rep(n - 1) end
  fs[#fs + 1] = rep
end
print(fs[6](3), fs[7](2))
