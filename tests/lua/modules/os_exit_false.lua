-- os.exit(false) is a failure status, even from inside functions and pcall
local function deep(n)
  if n == 0 then os.exit(false, true) end
  return deep(n - 1)
end
print(pcall(deep, 10))
