-- '...' can only be used directly inside a vararg function
print("never printed")
local function outer(...)
  local function inner()
    return ...
  end
  return inner()
end
print(outer(1, 2))
