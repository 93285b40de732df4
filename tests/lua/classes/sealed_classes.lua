-- Classes defined before any code runs: calls resolved at compile time, with
-- the run-time test of the object and the general path beside them.
local Vec = {}
Vec.__index = Vec
function Vec.new(x, y) return setmetatable({x = x, y = y}, Vec) end
function Vec:add(o) return Vec.new(self.x + o.x, self.y + o.y) end
function Vec.from(t) local v = setmetatable({x = t.x, y = t.y, tag = t[1]}, Vec) return v end
function Vec.listed(x, y) return setmetatable({x, y, x = x, y = y, show = function() return x .. "," .. y end}, Vec) end
function Vec:dot(o) return self.x * o.x + self.y * o.y end
function Vec:parts() return self.x, self.y end
function Vec:scaled(...) local k = select("#", ...) return Vec.new(self.x * k, self.y * k), k end
Vec.__eq = function(a, b) return a.x == b.x and a.y == b.y end
Vec.__tostring = function(v) return "(" .. v.x .. ", " .. v.y .. ")" end
Vec.__lt = function(a, b) return a:dot(a) < b:dot(b) end

local Account = {}
Account.__index = Account
local OPENING = 10
function Account.new(owner)
  return setmetatable({owner = owner, balance = OPENING, ops = 0}, Account)
end
function Account:deposit(v)
  self.balance = self.balance + v
  self.ops = self.ops + 1
end
function Account:withdraw(v)
  if v > self.balance then return false, "refused " .. v end
  self.balance = self.balance - v
  self.ops = self.ops + 1
  return true
end
function Account:describe() return self.owner .. ":" .. self.balance .. "/" .. self.kind(self) end
Account.kind = function(self) return "account" end

-- Inheritance through a metatable constructor ...
local Savings = setmetatable({}, {__index = Account})
Savings.__index = Savings
function Savings.new(owner, rate)
  local self = Account.new(owner)
  self.rate = rate
  return setmetatable(self, Savings)
end
function Savings:accrue() self:deposit(self.balance * self.rate // 100) end
function Savings:kind() return "savings@" .. self.rate end

-- ... and through setmetatable(Child, Parent) with Parent.__index = Parent.
local Checking = {}
Checking.__index = Checking
setmetatable(Checking, Account)
function Checking.new(owner) return setmetatable(Account.new(owner), Checking) end
function Checking:withdraw(v)
  local ok, why = Account.withdraw(self, v)
  if not ok then self.overdrafts = (self.overdrafts or 0) + 1 end
  return ok, why
end

-- A class counter: code changes a data field, never a method.
local Counter = {made = 0}
Counter.__index = Counter
function Counter.new()
  Counter.made = Counter.made + 1
  return setmetatable({id = Counter.made}, Counter)
end
function Counter:show() return "counter " .. self.id .. " of " .. self.made end

local acc = Vec.new(0, 0)
for i = 1, 20 do acc = acc:add(Vec.new(i % 10, i % 3)) end
print(tostring(acc), acc:dot(Vec.new(1, 1)), acc:parts())
print(acc:scaled(1, 2, 3))
local sx, k = acc:scaled()
print(tostring(sx), k, Vec.new(1, 2) == Vec.new(1, 2), Vec.new(1, 2) < Vec.new(3, 4))
local t = {acc:parts()}
print(#t, t[1] + t[2], (acc:parts()))

local a, s, c = Account.new("ann"), Savings.new("sam", 5), Checking.new("cy")
for i = 1, 30 do
  a:deposit(i)
  if not a:withdraw(i % 7 * 3) then a:deposit(1) end
  s:deposit(i * 2)
  if i % 10 == 0 then s:accrue() end
end
print(a:describe(), a.ops)
print(s:describe(), s.ops)
print(c:withdraw(100))
print(c:withdraw(5), c.overdrafts, c:describe())
print(getmetatable(s) == Savings, getmetatable(c) ~= Account, getmetatable(a) == Account)

local counters = {Counter.new(), Counter.new(), Counter.new()}
print(counters[1]:show(), counters[3]:show())

-- An object's own field comes before its class's method.
local b = Account.new("bob")
b.deposit = function(self, v) self.balance = self.balance + 2 * v end
b:deposit(5)
print(b.balance, b.ops)
b.deposit = nil
b:deposit(5)
print(b.balance, b.ops)

-- An object given another metatable takes that one's methods.
local other = {deposit = function(self, v) self.balance = -v end}
other.__index = other
setmetatable(b, other)
b:deposit(3)
print(b.balance)

-- Polymorphism: one call site, several classes.
local shapes = {}
local Square = {}
Square.__index = Square
function Square:area() return self.side * self.side end
local Circle = {}
Circle.__index = Circle
function Circle:area() return 3 * self.r * self.r end
for i = 1, 4 do
  shapes[i] = i % 2 == 0 and setmetatable({side = i}, Square) or setmetatable({r = i}, Circle)
end
shapes[5] = {area = function() return "plain" end}
for i = 1, #shapes do io.write(tostring(shapes[i]:area()), " ") end
print()

-- Methods that are missing, and objects that are not objects.
print(pcall(function() return a:missing() end))
print(pcall(function() local none; return none:deposit(1) end))
print(pcall(function() return ("abc"):upper() end))
print(pcall(function() return Vec.new(1, nil):add(Vec.new(1, 1)) end))
print(pcall(Account.withdraw, nil, 1))

-- Constructors whose values may be nil leave those keys out.
local w = Vec.from({x = 4})
local keys = {}
for k in pairs(w) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, ","), w.y, rawget(w, "tag"), Vec.from({x = 1, y = 2, "t"}).tag)
local l = Vec.listed(7, 8)
print(l[1], l[2], #l, l:dot(l), l.show())
