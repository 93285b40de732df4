-- Erasure keeps line numbers: a runtime error in annotated code reports the same line.



local function check(c,
                     v)
  if v > c.limit then
    error("over limit: " .. v)
  end
  return v
end
print(check({limit = 5}, 3))
print(pcall(check, {limit = 5}, 9))
local bad = nil
local ok, msg = pcall(function()
  return (bad).x
end)
print(ok, msg)
check({limit = 1}, 2)
