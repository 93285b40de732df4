-- Generic functions: global, local, several type parameters.
function identity<T>(x: T): T
  return x
end
local function first<T>(list: {T}): T?
  return list[1]
end
local function map<A, B>(list: {A}, f: (A) -> B): {B}
  local out: {B} = {}
  for i, v in ipairs(list) do out[i] = f(v) end
  return out
end
local function swap<A, B>(a: A, b: B): (B, A)
  return b, a
end
print(identity(42), identity("s"))
print(first({7, 8}), first({}))
local squares = map({1, 2, 3}, function(n: number): number return n * n end)
print(table.concat(squares, ","))
print(swap(1, "two"))
identity = nil
print(identity)
