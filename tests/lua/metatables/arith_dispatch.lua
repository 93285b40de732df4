-- Arithmetic metamethods: which operand's handler runs, and with which arguments
local log = {}
local function tag(x)
  if type(x) == "table" then return x.name end
  return math.type(x) or type(x)
end
local function mk(name)
  local mt = {}
  for _, ev in ipairs({"add", "sub", "mul", "div", "mod", "pow", "idiv", "unm"}) do
    mt["__" .. ev] = function(a, b)
      log[#log + 1] = name .. "." .. ev .. "(" .. tag(a) .. "," .. tag(b) .. ")"
      return ev
    end
  end
  return setmetatable({name = name}, mt)
end
local A, B = mk("A"), mk("B")
local function flush() print(table.concat(log, " ")) log = {} end
local _ = A + B, B + A, A + 1, 1 + A, 2.5 * B, A - "3"
flush()
_ = A / B, A % 2, 2 % A, A ^ 2, 2 ^ A, A // B, 7 // B
flush()
_ = -A, -B
flush()
-- only the right operand has the metamethod
local plain = {name = "plain"}
print(pcall(function() return plain + A end))
flush()
-- results are returned as-is (no conversion), and only the first value
local multi = setmetatable({}, {__add = function() return 1, 2, 3 end, __sub = function() end})
print(multi + 1, select("#", multi + 1), multi - 1)
-- number strings are converted before metamethods are looked up for numbers
print("10" + 5, 5 * "2")
-- a string operand that is not numeric goes to the table's metamethod
local S = setmetatable({}, {__add = function(a, b) return "S+" .. tostring(type(a)) .. "," .. tostring(type(b)) end})
print(S + "abc", "abc" + S)
-- metamethods see nil operands as nil
print(pcall(function() return S + nil end))
-- errors when neither operand has a handler
print(pcall(function() return {} + 1 end))
print(pcall(function() local p = {} return p * 2 end))
print(pcall(function() return 1 - {} end))
print(pcall(function() local t = {x = {}} return t.x / 2 end))
print(pcall(function() return -{} end))
print(pcall(function() return true + 1 end))
-- __index-based inheritance of metamethods does NOT apply: rawget on the metatable
local proto = {__add = function() return "from proto" end}
local indirect = setmetatable({}, setmetatable({}, {__index = proto}))
print(pcall(function() return indirect + 1 end))
