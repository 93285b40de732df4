-- An uncaught arithmetic error on a missing field, inside nested calls
local config = {width = 10}
local function area(c)
  return c.width * c.height
end
local function report(c)
  local a = area(c)
  print("area", a)
end
report({width = 2, height = 3})
print(pcall(report, config))
report(config)
