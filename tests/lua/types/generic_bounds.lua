-- Type parameters with bounds '<T: Bound>'.
type Comparable = number | string
local function max<T: Comparable>(a: T, b: T): T
  if a > b then return a end
  return b
end
local function largest<T: Comparable>(list: {T}): T?
  local best: T? = nil
  for _, v in ipairs(list) do
    if best == nil or v > best then best = v end
  end
  return best
end
type Keyed = {key: string}
local function keys<T: Keyed, U: {T}>(items: U): string
  local out: {string} = {}
  for i, item in ipairs(items) do out[i] = item.key end
  return table.concat(out, "/")
end
print(max(3, 9), max("pear", "apple"))
print(largest({4, 11, 2}), largest({}))
print(keys({{key = "a"}, {key = "b"}}))
