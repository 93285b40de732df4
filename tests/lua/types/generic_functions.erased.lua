-- Generic functions: global, local, several type parameters.
function identity(x)
  return x
end
local function first(list)
  return list[1]
end
local function map(list, f)
  local out = {}
  for i, v in ipairs(list) do out[i] = f(v) end
  return out
end
local function swap(a, b)
  return b, a
end
print(identity(42), identity("s"))
print(first({7, 8}), first({}))
local squares = map({1, 2, 3}, function(n) return n * n end)
print(table.concat(squares, ","))
print(swap(1, "two"))
identity = nil
print(identity)
