local t = {1, 2, nil, 4}
for i, v in ipairs(t) do print(i, v) end
local u = {"a", "b", "c"}
for i, v in ipairs(u) do print(i, v) end
for i in ipairs({}) do print("never") end
local n = 0
for i, v in ipairs({[1] = "x", [2] = "y", [4] = "skip", k = "no"}) do n = n + 1 end
print(n)
local f, s, c = ipairs(u)
print(type(f), s == u, c)
print(f(u, 0))
print(f(u, 3))
local proxy = setmetatable({}, {__index = function(_, i) if i <= 3 then return i * 10 end end})
for i, v in ipairs(proxy) do print("proxy", i, v) end
local modified = {1, 2, 3}
for i, v in ipairs(modified) do
  if i == 1 then modified[3] = nil end
  print("mod", i, v)
end
print(pcall(ipairs))

-- the index of ipairs is an integer from 1: arithmetic on it
local hash = 0
for i, v in ipairs({5, 7, 11}) do hash = (hash * 31 + v * i) % 1000000007 end
print(hash, math.type(hash))
local sum = 0
for i, v in ipairs({1.5, 2.5}) do sum = sum + i * v - i end
print(sum, math.type(sum))
for i in ipairs({"a", "b"}) do i = i + 0.5; print(i, math.type(i)) end
