-- Type parameters with bounds '<T: Bound>'.

local function max(a, b)
  if a > b then return a end
  return b
end
local function largest(list)
  local best = nil
  for _, v in ipairs(list) do
    if best == nil or v > best then best = v end
  end
  return best
end

local function keys(items)
  local out = {}
  for i, item in ipairs(items) do out[i] = item.key end
  return table.concat(out, "/")
end
print(max(3, 9), max("pear", "apple"))
print(largest({4, 11, 2}), largest({}))
print(keys({{key = "a"}, {key = "b"}}))
