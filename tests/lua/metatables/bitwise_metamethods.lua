-- Bitwise metamethods, including with float and string operands
local log = {}
local mt = {}
for _, ev in ipairs({"band", "bor", "bxor", "shl", "shr", "bnot"}) do
  mt["__" .. ev] = function(a, b)
    local function d(x) return type(x) == "table" and "T" or tostring(x) end
    log[#log + 1] = ev .. "(" .. d(a) .. "," .. d(b) .. ")"
    return ev
  end
end
local T = setmetatable({}, mt)
local _ = T & 1, 1 | T, T ~ T, T << 2, 3 >> T, ~T
print(table.concat(log, " ")) log = {}
-- non-integral floats and strings are passed to the metamethod unchanged
_ = 1.5 & T, T | "x", 2^70 ~ T
print(table.concat(log, " ")) log = {}
-- results are returned unchanged
local r = setmetatable({}, {__band = function() return 1.5 end, __bnot = function() return {} end})
print(r & 0, type(~r))
-- errors when no metamethod exists
print(pcall(function() return {} & 1 end))
print(pcall(function() local v = {} return ~v end))
print(pcall(function() return 1.5 | 1 end))
-- an integer-valued float with a metamethod-less table on the other side
print(pcall(function() return 2.0 ~ {} end))
-- __bnot receives the operand twice
local twice = setmetatable({}, {__bnot = function(a, b) return rawequal(a, b) end})
print(~twice)
-- a bit-set class using metamethods
local Set = {}
Set.__index = Set
local function set(bits) return setmetatable({bits = bits}, Set) end
Set.__band = function(a, b) return set(a.bits & b.bits) end
Set.__bor = function(a, b) return set(a.bits | b.bits) end
Set.__bxor = function(a, b) return set(a.bits ~ b.bits) end
Set.__bnot = function(a) return set(~a.bits & 0xFF) end
Set.__shl = function(a, n) return set((a.bits << n) & 0xFF) end
Set.__shr = function(a, n) return set(a.bits >> n) end
Set.__eq = function(a, b) return a.bits == b.bits end
Set.__tostring = function(a) return string.format("{%08d}", tonumber(string.format("%o", 0)) + a.bits) end
local x, y = set(0x0F), set(0x3C)
print((x & y).bits, (x | y).bits, (x ~ y).bits, (~x).bits, (x << 4).bits, (y >> 2).bits)
print(x & y == set(12), tostring(x | y))
