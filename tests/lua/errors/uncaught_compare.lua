local items = {3, 1, "2"}
local best = items[1]
for i = 2, #items do
  if items[i] < best then best = items[i] end
end
print(best)
