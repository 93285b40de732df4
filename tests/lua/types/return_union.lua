-- Single return types: plain, optional, union, nil.
local function find(list: {string}, item: string): integer?
  for i, v in ipairs(list) do
    if v == item then return i end
  end
  return nil
end
local function describe(v: number | string): string | boolean
  if type(v) == "number" then return v > 0 end
  return "str:" .. v
end
local names: {string} = {"a", "b", "c"}
print(find(names, "b"), find(names, "z"))
print(describe(3), describe(-1), describe("q"))
local function nothing(): nil end
print(nothing(), select("#", nothing()))
local function pick(flag: boolean): "yes" | "no"
  return flag and "yes" or "no"
end
print(pick(true), pick(false))
