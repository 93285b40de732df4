local function check(x)
  if not x then error("bad input", 2) end
end
print("checking")
check(1)
check(nil)
