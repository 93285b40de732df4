-- an uncaught argument error from the math library
local function half(x)
  return math.floor(x / 2)
end
print(half(9), math.floor(3.7), math.max(1, 2))
print(math.floor("abc"))
