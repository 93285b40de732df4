-- Typed varargs: '...: T' after other parameters or alone.
local function count(...: any): integer
  return select("#", ...)
end
local function sum(first: number, ...: number): number
  local total: number = first
  for _, v in ipairs({...}) do total = total + v end
  return total
end
local function pack(...: string): {string}
  return {...}
end
local function last(...: integer?): integer?
  local n: integer = select("#", ...)
  if n == 0 then return nil end
  return (select(n, ...))
end
print(count(), count(nil, nil), count(1, 2, 3))
print(sum(1), sum(1, 2, 3.5))
local p = pack("a", "b")
print(#p, table.concat(p, "+"))
print(last(), last(4, 5), last(6, nil))
