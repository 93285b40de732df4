local function classify(n)
  if n < 0 then return "neg"
  elseif n == 0 then return "zero"
  elseif n < 10 then return "small"
  else return "big" end
end
for _, v in ipairs({-5, 0, 3, 10, 2.5}) do print(v, classify(v)) end
local function truth(v) if v then return "T" else return "F" end end
print(truth(nil), truth(false), truth(0), truth(""), truth({}), truth(true))
local x = 5
if x > 3 and x < 10 then print("in range") end
if not (x == 5) then print("no") else print("yes") end
if x ~= 5 or x == nil then print("bad") end
local a = nil
local v = a and a.field or "fallback"
print(v)
print(1 and 2, nil and 1, false or nil, nil or false, 0 or 1, false and nil)
print(not nil, not 0, not not "s")
local n = 0
local function side() n = n + 1 return true end
local r = false and side()
local r2 = true or side()
print(n, r, r2)
