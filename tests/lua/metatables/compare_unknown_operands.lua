-- == ~= < <= > >= on operands whose types are known only at run time
local E1 = setmetatable({}, {__eq = function() return true end, __lt = function() return true end,
                             __le = function() return false end})
local E2 = setmetatable({}, getmetatable(E1))
local plain = {}
local vals = {1, 1.0, 2, true, false, "1", "a", "b", plain, E1, E2, 0/0, 2^63, math.maxinteger}
local names = {"1", "1.0", "2", "true", "false", "'1'", "'a'", "'b'", "plain", "E1", "E2", "nan", "2^63", "maxint"}
for i = 1, #vals do
  local row = {}
  for j = 1, #vals do
    local a, b = vals[i], vals[j]
    local eq, ne = a == b, a ~= b
    local ok1, lt = pcall(function() return a < b end)
    local ok2, ge = pcall(function() return a >= b end)
    row[#row + 1] = (eq and "=" or ".") .. (ne and "!" or ".") .. (ok1 and (lt and "<" or "-") or "E") .. (ok2 and (ge and ">" or "-") or "E")
  end
  print(names[i], table.concat(row, " "))
end
local recs = {{id = 1, score = 5}, {id = 2, score = 5}, {id = 3, score = 7}}
table.sort(recs, function(x, y)
  if x.score ~= y.score then return x.score > y.score end
  return x.id < y.id
end)
print(recs[1].id, recs[2].id, recs[3].id)
print(pcall(function() return recs[1].missing < recs[2].id end))
print(pcall(function() local t = {}; return t.a >= t.b end))
print(pcall(function() return recs[1] < recs[2] end))
print(recs[1].missing == recs[2].missing, recs[1].id ~= recs[1].id)
