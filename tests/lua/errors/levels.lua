local function check(v)
  if type(v) ~= "number" then
    error("expected number, got " .. type(v), 2)
  end
  return v
end
local function caller()
  local v = check("str")
  return v
end
print(pcall(caller))
local function lvl1() error("level one", 1) end
print(pcall(lvl1))
local function inner() error("level three", 3) end
local function middle() inner() end
local function outer()
  middle()
end
print(pcall(outer))
local function validate(x)
  if not x then error("missing value", 2) end
end
local ok, msg = pcall(function()
  validate(nil)
end)
print(ok, msg)
local function lvl2_from_main() error("to caller", 2) end
print(pcall(lvl2_from_main))
