local fns = {}
local i = 0
repeat
  i = i + 1
  local j = i
  fns[#fns + 1] = function() j = j + 100 return j end
until j >= 3
print(fns[1](), fns[2](), fns[3](), fns[1]())
local gens = {}
for _, name in ipairs({"a", "b"}) do
  local count = 0
  gens[name] = function() count = count + 1 return name .. count end
end
print(gens.a(), gens.a(), gens.b(), gens.a())
local acc = {}
local k = 1
while k <= 3 do
  local captured = k
  acc[k] = function() return captured * 2 end
  k = k + 1
end
print(acc[1](), acc[2](), acc[3]())
-- Loop variable shadowed by a local of the same name
local res = {}
for n = 1, 2 do
  local n = n * 10
  res[#res + 1] = function() return n end
end
print(res[1](), res[2]())
