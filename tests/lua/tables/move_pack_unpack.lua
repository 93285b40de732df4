-- table.move, table.pack, table.unpack
local a = {1, 2, 3, 4, 5}
print(table.concat(table.move(a, 2, 4, 1), ","))
a = {1, 2, 3, 4, 5}
print(table.concat(table.move(a, 1, 3, 3), ","))
a = {1, 2, 3}
local b = table.move(a, 1, 3, 2, {})
print(b[1], b[2], b[3], b[4])
print(table.move({}, 1, 0, 1) ~= nil, #table.move({1, 2}, 3, 1, 1))
local c = table.move({"x", "y"}, 1, 2, -1, {})
print(c[-1], c[0], c[1])
print(pcall(table.move, {}, 1, 2))
print(pcall(table.move, {1}, 1, 1, 1, 5))
print(pcall(table.move, {1}, math.mininteger, 1, 1))
print(pcall(table.move, {1}, 1, math.maxinteger, 2))
local p = table.pack()
print(p.n, p[1])
p = table.pack(1, nil, 3, nil)
print(p.n, p[1], p[2], p[3], p[4])
p = table.pack("a", "b")
print(p.n, #p, p[1] .. p[2])
print(table.unpack({1, 2, 3}))
print(table.unpack({1, 2, 3}, 2))
print(table.unpack({1, 2, 3}, 2, 3))
print(table.unpack({1, 2, 3}, 3, 2))
print(select("#", table.unpack({}, 1, 3)), table.unpack({}, 1, 3))
print(table.unpack({1, nil, 3}, 1, 3))
print(table.unpack({[-1] = "m", [0] = "z", "o"}, -1, 1))
print(table.unpack({"a", "b"}, "1", 2.0))
local mt = setmetatable({}, {__index = function(_, k) return k * 2 end})
print(table.unpack(mt, 1, 4))
print(pcall(table.unpack))
print(pcall(table.unpack, {}, 1, 1e8))
print(pcall(table.unpack, {}, math.mininteger, math.maxinteger))
print(pcall(table.unpack, {}, 1.5))
print(select("#", table.unpack({1, 2, 3}, math.maxinteger, math.maxinteger)))
local function sum(...)
  local s = 0
  for _, v in ipairs({...}) do s = s + v end
  return s
end
print(sum(table.unpack({1, 2, 3, 4, 5})))
local packed = table.pack(table.unpack({1, 2, 3}))
print(packed.n, table.concat(packed, "|"))
