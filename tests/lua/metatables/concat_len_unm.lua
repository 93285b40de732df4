-- __concat on either side, with numbers; __len; __unm
local mt = {}
local function W(s) return setmetatable({s = s}, mt) end
mt.__concat = function(a, b)
  local as = type(a) == "table" and "W(" .. a.s .. ")" or tostring(a)
  local bs = type(b) == "table" and "W(" .. b.s .. ")" or tostring(b)
  return as .. "+" .. bs
end
local w = W("x")
print(w .. "str", "str" .. w, w .. 1, 1 .. w, 1.5 .. w, w .. w)
-- right associativity: "a" .. "b" .. w concatenates "b" .. w first
print("a" .. "b" .. w)
print(w .. "a" .. "b")
-- a __concat that returns a table keeps chaining
local chain_mt = {}
chain_mt.__concat = function(a, b)
  local parts = {}
  for _, x in ipairs({a, b}) do
    if type(x) == "table" then for _, p in ipairs(x) do parts[#parts + 1] = p end
    else parts[#parts + 1] = tostring(x) end
  end
  return setmetatable(parts, chain_mt)
end
local c = setmetatable({"start"}, chain_mt)
local r = 1 .. c .. 2 .. 3
print(type(r), table.concat(r, ","))
-- __len
local len_mt = {__len = function(t) return 42 end}
local tl = setmetatable({1, 2, 3}, len_mt)
print(#tl, rawlen(tl))
local weird = setmetatable({}, {__len = function() return "not a number" end})
print(#weird)
local multi = setmetatable({}, {__len = function() return 1, 2, 3 end})
print(#multi)
-- __len on a table used by the length in a numeric for
local n = 0
for i = 1, #tl do n = n + 1 end
print(n)
-- __unm
local neg = setmetatable({v = 5}, {__unm = function(a, b) return "neg " .. a.v .. " " .. tostring(rawequal(a, b)) end})
print(-neg)
print(pcall(function() return - -neg end))
-- concat errors name the operand
print(pcall(function() local t = {} return "x" .. t end))
print(pcall(function() local t = {} return t .. "x" end))
print(pcall(function() return "a" .. nil end))
print(pcall(function() local o = {n = {}} return o.n .. "x" end))
print(pcall(function() return 1 .. {} end))
print(pcall(function() return #nil end))
print(pcall(function() local x = 5 return #x end))
