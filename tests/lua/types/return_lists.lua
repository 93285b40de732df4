-- Return annotations: parenthesised list, bare list, and no results '()'.
local function divmod(a: integer, b: integer): (integer, integer)
  return a // b, a % b
end
local function minmax(t: {number}): number, number
  local lo, hi = t[1], t[1]
  for i = 2, #t do
    if t[i] < lo then lo = t[i] end
    if t[i] > hi then hi = t[i] end
  end
  return lo, hi
end
local log: {string} = {}
local function note(s: string): ()
  log[#log + 1] = s
end
local function three(): (string, number, boolean)
  return "a", 2, false
end
print(divmod(17, 5))
print(minmax({4, -2, 9, 0}))
print(select("#", note("x")), #log)
local q, r = divmod(-7, 2)
print(q, r, select("#", three()), three())
