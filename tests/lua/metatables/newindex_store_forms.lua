-- Every form of store the compiler emits, into tables with __newindex: only a
-- MetaTable's absent key goes to __newindex (its subscript stores are raw).
local log = {}
local function logger(name)
  return function(t, k, v)
    local shown = type(v) == "function" and "function" or tostring(v)
    log[#log + 1] = name .. ":" .. tostring(k) .. "=" .. shown
    rawset(t, k, v)
  end
end
local function flush() print(table.concat(log, " ")) log = {} end

local mt = {__newindex = logger("mt")}
local function generic(t, k, v) t[k] = v end          -- t[k] = v, t of unknown type
local function field(t, v) t.f = v end                  -- t.f = v
local function pair(a, b) a.x, b.y = 1, 2 end          -- multiple targets
local function bump(t) t.n = t.n + 1 end                -- t.n = t.n + 1

local o = setmetatable({f = 0}, mt)
generic(o, "k", 1); generic(o, "k", 2); generic(o, 1.0, "one"); generic(o, true, "yes")
field(o, 5); field(o, nil); field(o, 6)
pair(o, {}); pair({}, o); pair(o, o)
flush()
print(o.k, o[1], o[true], o.f, o.x, o.y)

-- __index gives the old value, __newindex takes the new one (absent key).
local defaults = setmetatable({}, {__index = function() return 10 end, __newindex = logger("n")})
bump(defaults); bump(defaults)
flush()
print(rawget(defaults, "n"), defaults.n)

-- A nil store into an absent key still calls __newindex; into a present key removes it.
generic(o, "missing", nil)
generic(o, "k", nil)
flush()
print(o.k, rawget(o, "k"))

-- __newindex as a table, itself with __newindex: the chain is followed.
local sink = setmetatable({}, {__newindex = logger("sink")})
local front = setmetatable({}, {__newindex = sink})
generic(front, "a", 1); field(front, 2)
flush()
print(rawget(front, "a"), rawget(sink, "a"), sink.f)

-- Function definitions store into tables too.
local M = setmetatable({}, {__newindex = logger("M")})
function M.helper() return "helper" end
function M:method() return "method" end
M.value = 3
flush()
print(M.helper(), M:method(), M.value)

-- Globals, when the global table has a metatable.
setmetatable(_G, {__newindex = logger("G")})
newglobal = 1
function globalfn() return "g" end
newglobal = 2
flush()
print(newglobal, globalfn())
setmetatable(_G, nil)

-- The standard library's stores follow the same rules (lua_seti).
local q = setmetatable({}, {__newindex = logger("q")})
table.insert(q, "a"); table.insert(q, "b"); table.insert(q, 1, "c")
flush()
print(q[1], q[2], q[3])

-- A read-only proxy: every store refused, raw reads unaffected.
local ro = setmetatable({}, {__newindex = function(_, k) error("read-only " .. tostring(k), 2) end})
print(pcall(generic, ro, "x", 1))
print(pcall(field, ro, 1))
print(pcall(pair, ro, {}))
print(pcall(function() ro.z = 1 end))
print(pcall(generic, nil, "x", 1))
print(pcall(field, 5, 1))
