-- Jumping forward into the scope of a local is a compile error
print("never printed")
local n = 0
do
  goto skip
  local x = 1
  ::skip::
  print(x)
end
