print("start")
local function validate(n)
  if n > 2 then error("too big: " .. n) end
  return n
end
for i = 1, 5 do print(validate(i)) end
