-- Numeric for near the ends of the integer range never overflows
local maxi, mini = math.maxinteger, math.mininteger
local function run(a, b, c)
  local out = {}
  for i = a, b, c do
    out[#out + 1] = tostring(i)
    if #out > 6 then out[#out + 1] = "..." break end
  end
  print(#out, table.concat(out, " "))
end
run(maxi - 5, maxi, 4)
run(maxi - 2, maxi, 1)
run(mini + 2, mini, -1)
run(mini, mini + 3, 2)
run(1, maxi, maxi)
run(0, maxi, maxi // 2)
run(maxi, mini, mini)
run(mini, maxi, maxi)
run(-1, mini, mini)
run(maxi, maxi, 1)
run(mini, mini, -1)
run(maxi, maxi - 1, 1)
-- float limits beyond the integer range are clipped
run(maxi - 2, 1e100, 1)
run(mini + 2, -1e100, -1)
run(1, -1e100, 1)
run(-1, 1e100, -1)
run(maxi - 1, 2^63, 1)
run(mini + 1, -2^63, -1)
-- NaN limits run zero times
run(1, 0/0, 1)
run(1.0, 0/0, 1)
-- float loops near 2^53
run(2^53 - 2, 2^53 + 2, 1)
run(2^53, 2^53 + 4, 2)
-- huge steps
run(0, 10, maxi)
run(0, -10, mini)
run(mini, 0, maxi)
-- integer step with float start
run(0.5, 3, 1)
run(maxi + 0.0, maxi, 1)
