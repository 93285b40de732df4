-- Stores into an object's fields (obj.f = v with obj of unknown type): an
-- existing field is a raw store; an absent one goes to __newindex; nil removes
-- the field so that __index answers again.
local Base = {kind = "base", count = 0}
Base.__index = Base

local log = {}
local Watched = setmetatable({}, {__index = Base})
Watched.__index = Watched
Watched.__newindex = function(t, k, v)
  log[#log + 1] = tostring(k) .. "=" .. tostring(v)
  rawset(t, k, v)
end

local function set(obj, v) obj.count = v end
local function set_kind(obj, v) obj.kind = v end
local function bump(obj, d) obj.count = obj.count + d end

local a = setmetatable({}, Base)
set(a, 5)
print(a.count, rawget(a, "count"), Base.count)
bump(a, 2)
print(a.count)
set(a, nil)                      -- removes the own field: __index answers again
print(a.count, rawget(a, "count"))
set_kind(a, "own")
print(a.kind, Base.kind)
set_kind(a, nil)
print(a.kind, next(a))

local w = setmetatable({}, Watched)
set(w, 1)                        -- absent: __newindex
set(w, 2)                        -- present now: a plain store
bump(w, 40)
print(w.count, table.concat(log, " "))

-- __newindex added to the metatable after the object was made
local Late = {}
Late.__index = Late
local o = setmetatable({x = 1}, Late)
local seen = {}
Late.__newindex = function(t, k, v) seen[#seen + 1] = k; rawset(t, k, v) end
local function setx(obj, v) obj.x = v end
local function sety(obj, v) obj.y = v end
setx(o, 2)                       -- existing: no __newindex
sety(o, 3)                       -- absent: __newindex
setx(o, nil)
setx(o, 4)                       -- absent again: __newindex
print(o.x, o.y, table.concat(seen, ","))

-- __newindex as a table: the store lands there
local store = {}
local P = setmetatable({}, {__newindex = store})
local function setf(obj, v) obj.f = v end
setf(P, 9)
print(rawget(P, "f"), store.f)

-- an __add result of nil stored into an existing field removes it
local V = setmetatable({}, {__add = function() return nil end})
local holder = setmetatable({n = V}, {__index = {n = "default"}})
local function addto(obj) obj.n = obj.n + 1 end
addto(holder)
print(holder.n, rawget(holder, "n"))

-- plain tables and non-tables
local plain = {}
set(plain, 3); bump(plain, 4)
print(plain.count)
print(pcall(set, "str", 1))
print(pcall(set, nil, 1))
print(pcall(set, 42, 1))
print(pcall(bump, setmetatable({}, Base), "x"))
print(pcall(bump, setmetatable({count = "7"}, Base), 1))
print(select(2, pcall(bump, {count = {}}, 1)))

-- 64-bit wrap and mixed types on fields of unknown type
local big = setmetatable({count = math.maxinteger}, Base)
bump(big, 1)
print(big.count == math.mininteger, math.type(big.count))
local f = setmetatable({count = 1.5}, Base)
bump(f, 2)
print(f.count, math.type(f.count))
bump(f, 2.25)
print(f.count)

-- binary operators on two values of unknown type
local function ops(p, q) return p.v + q.v, p.v - q.v, p.v * q.v end
local function obj(v) return {v = v} end
print(ops(obj(3), obj(4)))
print(ops(obj(math.maxinteger), obj(2)))
print(ops(obj(math.mininteger), obj(-1)))
print(ops(obj(2.5), obj(4)))
print(ops(obj(2), obj(0.5)))
print(ops(obj("10"), obj(3)))
print(ops(obj(-0.0), obj(0.0)))
print(pcall(ops, obj(true), obj(1)))
print(pcall(ops, obj(1), obj(false)))
local M = setmetatable({}, {__add = function(x, y) return "add" end,
                           __sub = function() return "sub" end,
                           __mul = function() return "mul" end})
print(ops(obj(M), obj(1)))
print(ops(obj(1), obj(M)))
