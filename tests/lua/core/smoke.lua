local function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end
local t = {}
for i = 1, 10 do t[#t + 1] = fib(i) end
print(table.concat(t, ","))
local s = 0
for _, v in ipairs(t) do s = s + v end
print("sum", s, 10 / 4, 7 // 2, 2^10, "x" .. 1 .. 2.5)
local fns = {}
for i = 1, 3 do fns[i] = function() return i end end
print(fns[1](), fns[2](), fns[3]())
local obj = setmetatable({n = 0}, {__index = {inc = function(self) self.n = self.n + 1 return self end}})
obj:inc():inc()
print(obj.n, select("#", 1, nil, 3), type(obj), tostring(nil))
local ok, err = pcall(function() local x = nil; return x.y end)
print(ok, err)
print(math.maxinteger + 1 == math.mininteger, 1 == 1.0, "10" + 5)
