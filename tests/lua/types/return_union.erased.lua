-- Single return types: plain, optional, union, nil.
local function find(list, item)
  for i, v in ipairs(list) do
    if v == item then return i end
  end
  return nil
end
local function describe(v)
  if type(v) == "number" then return v > 0 end
  return "str:" .. v
end
local names = {"a", "b", "c"}
print(find(names, "b"), find(names, "z"))
print(describe(3), describe(-1), describe("q"))
local function nothing() end
print(nothing(), select("#", nothing()))
local function pick(flag)
  return flag and "yes" or "no"
end
print(pick(true), pick(false))
