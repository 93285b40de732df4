local a = {}
for i = 1, 3 do
  local x = i
  a[i] = function() x = x + 10 return x end
end
print(a[1](), a[1](), a[2](), a[3]())
local b = {}
local k = 1
while k <= 3 do
  local v = k
  b[k] = function() return v end
  k = k + 1
end
print(b[1](), b[2](), b[3]())
-- Each iteration's generic for variables are fresh
local c = {}
for key, val in pairs({10, 20, 30}) do
  c[#c + 1] = function() return key + val end
end
print(c[1](), c[2](), c[3]())
-- Closures capturing a loop variable and one outside it
local shared = 0
local d = {}
for i = 1, 3 do
  d[i] = function() shared = shared + i return shared end
end
print(d[1](), d[2](), d[3](), shared)
-- Nested loops
local e = {}
for i = 1, 2 do
  for j = 1, 2 do
    e[#e + 1] = function() return i * 10 + j end
  end
end
print(e[1](), e[2](), e[3](), e[4]())
