-- Arithmetic on two values of unknown type in functions that write no float
-- numeral (their guards try integers first): every kind of operand.
local function add(a, b) return a + b end
local function sub(a, b) return a - b end
local function mul(a, b) return a * b end

local big = math.maxinteger
local values = {1, -7, big, math.mininteger, 2 ^ 53, 0.5, -0.0, "10", "0x10", "1e2", " 3 "}
for _, a in ipairs(values) do
  local row = {}
  for _, b in ipairs(values) do
    row[#row + 1] = tostring(add(a, b)) .. "/" .. tostring(sub(a, b)) .. "/" .. tostring(mul(a, b))
  end
  print(table.concat(row, " "))
end

-- wrap-around, as Lua's 64-bit integers do
print(add(big, 1) == math.mininteger, sub(math.mininteger, 1) == big, mul(big, 2))

-- operands that are not numbers
local v = setmetatable({}, {__add = function(x, y) return "added" end, __mul = function() return 42 end})
print(add(v, 1), add(1, v), mul(v, v))
for _, bad in ipairs({{}, true, "abc", print}) do
  print(pcall(add, 1, bad))
  print(pcall(mul, bad, 2))
end
print(pcall(sub, nil, 1))

-- an accumulator fed through a closure: integers then a float
local function counter()
  local c = 0
  return function(d) c = c + d; return c end
end
local inc = counter()
inc(3); inc(big)
print(inc(0), math.type(inc(1)), inc(2 ^ 1))
