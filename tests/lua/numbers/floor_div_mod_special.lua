-- // and % with infinities, NaN and signed zeros (floats)
local inf, nan = math.huge, 0/0
local function q(v) return string.format("%q", v) end
local function show(label, v)
  if v ~= v then print(label, "nan", math.type(v))
  else print(label, v, q(v), math.type(v)) end
end
show("5 % inf", 5 % inf)
show("-5 % inf", -5 % inf)
show("5 % -inf", 5 % -inf)
show("-5 % -inf", -5 % -inf)
show("0 % inf", 0 % inf)
show("inf % 2", inf % 2)
show("5.0 % nan", 5.0 % nan)
show("nan % 5", nan % 5)
show("5 // inf", 5 // inf)
show("-5 // inf", -5 // inf)
show("inf // 2", inf // 2)
show("-inf // 2", -inf // 2)
show("inf // inf", inf // inf)
show("5 // -0.0", 5 // -0.0)
show("0.0 // 1", 0.0 // 1)
show("-0.0 // 1", -0.0 // 1)
show("0.0 // -1", 0.0 // -1)
show("5 % 0.0", 5 % 0.0)
show("5.5 % -0.0", 5.5 % -0.0)
show("1 % -0.5", 1 % -0.5)
show("-1 % 0.5", -1 % 0.5)
show("3 % -2.0", 3 % -2.0)
show("-3 % 2.0", -3 % 2.0)
show("1e300 % 3", 1e300 % 3)
show("2^53 % 3", 2^53 % 3)
show("-2^53 // 3", -2^53 // 3)
show("7 // 0.5", 7 // 0.5)
show("-7 // 0.5", -7 // 0.5)
show("0.3 // 0.1", 0.3 // 0.1)
show("0.3 % 0.1", 0.3 % 0.1)
-- integer // and % agree: a == (a // b) * b + a % b
local vals = {7, -7, 3, -3, 1, -1, math.maxinteger, math.mininteger}
local bad = 0
for _, a in ipairs(vals) do
  for _, b in ipairs(vals) do
    if a // b * b + a % b ~= a then bad = bad + 1 end
    local r = a % b
    if r ~= 0 and (r < 0) ~= (b < 0) then bad = bad + 1 end
  end
end
print("identity violations", bad)
print(math.mininteger // -1, math.mininteger % -1, math.mininteger // 1)
print(math.maxinteger // -1, math.maxinteger % -1, math.maxinteger % math.mininteger)
print(math.mininteger % math.maxinteger, math.mininteger // math.maxinteger)
print(-1 // math.maxinteger, -1 % math.maxinteger, 1 // math.mininteger, 1 % math.mininteger)
