-- an uncaught bad-argument error from a library call names it as the code does
local function repeat_it(s, n)
  return string.rep(s, n)
end
print(repeat_it("ab", 2))
print(repeat_it("ab"))
print("not reached")
