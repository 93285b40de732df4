-- Recursive and mutually recursive type aliases used by recursive functions.


local function sum(t)
  local total = t.value
  for _, c in ipairs(t.children) do total = total + sum(c) end
  return total
end
local function eval(e)
  if e.op == "num" then return e.n end
  local l, r = eval(e.l), eval(e.r)
  if e.op == "add" then return l + r end
  return l * r
end
local tree = {value = 1, children = {
  {value = 2, children = {}},
  {value = 3, children = {{value = 4, children = {}}}},
}}
print(sum(tree))
local e = {op = "add", l = {op = "num", n = 2}, r = {op = "mul", l = {op = "num", n = 3}, r = {op = "num", n = 4}}}
print(eval(e))
