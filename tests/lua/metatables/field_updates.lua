-- obj.f = obj.f + x (- *): objects' own fields, inherited fields, __index and
-- __newindex, plain tables, non-table values, and numbers of every kind.
local Acc = {}
Acc.__index = Acc
Acc.shared = 100
function Acc.new() return setmetatable({n = 0, f = 0.5, big = math.maxinteger}, Acc) end
function Acc:bump(d)
  self.n = self.n + d
  self.n = self.n * 2
  self.n = self.n - 1
  self.shared = self.shared + 1   -- inherited: the read goes to __index, the store is own
  return self.n
end
local a = Acc.new()
print(a:bump(3), a:bump(-10), a.shared, rawget(a, "shared"), Acc.shared)

-- wrap-around and floats
function Acc:edge(k)
  self.big = self.big + k
  self.f = self.f + k
  self.f = self.f * k
  return self.big, self.f
end
print(a:edge(1))
print(a:edge(2))
print(math.type(a.f), a.f)

-- an operand of another kind: strings coerce, tables use __add
local b = Acc.new()
function Acc:add(x) self.n = self.n + x; return self.n end
print(b:add("5"), b:add(" 0x10 "), b:add(2.5), math.type(b.n))
local v = setmetatable({}, {__add = function(x, y) return "meta" end})
print(pcall(b.add, b, v))
print(b.n)
print(pcall(b.add, b, {}))
print(pcall(b.add, b, nil))

-- a field that is absent: __index function, then __newindex function
local log = {}
local Watched = setmetatable({}, {
  __index = function(t, k) log[#log + 1] = "index " .. k; return 10 end,
  __newindex = function(t, k, val) log[#log + 1] = "newindex " .. k .. "=" .. tostring(val); rawset(t, k, val) end,
})
local function incr(o, d) o.count = o.count + d; return o.count end
print(incr(Watched, 1), incr(Watched, 1), table.concat(log, ", "))

-- a field holding a non-number
local s = setmetatable({count = "7"}, {})
print(incr(s, 1), math.type(s.count))
local bad = setmetatable({count = true}, {})
print(pcall(incr, bad, 1))

-- plain tables and other values
local p = {count = 1}
print(incr(p, 41), incr({count = 1.5}, 1))
print(pcall(incr, nil, 1))
print(pcall(incr, "str", 1))
print(pcall(incr, 5, 1))

-- the key removed by a metamethod of the operand: the store meets __newindex
local holder = setmetatable({count = 1}, {__newindex = function(t, k, val) rawset(t, k, "via newindex " .. tostring(val)) end})
local remover = setmetatable({}, {__add = function(x, y) holder.count = nil; return 5 end})
holder.count = holder.count + remover
print(holder.count)

-- the field written with a string key in brackets, and a computed key (general path)
local function bracket(o, d) o["count"] = o["count"] + d; o.count = o["count"] * 2; return o.count end
print(bracket(setmetatable({count = 1}, {}), 2), bracket({count = 0.5}, 1))
local function computed(o, k) o[k .. ""] = o[k .. ""] + 1; return o[k] end
print(computed(setmetatable({n = 1}, {}), "n"))
