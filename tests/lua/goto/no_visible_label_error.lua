-- A label inside a nested block is not visible to a goto outside it
print("never printed")
local function f()
  do
    ::inside::
  end
  goto inside
end
f()
