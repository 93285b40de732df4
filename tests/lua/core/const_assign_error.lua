-- Assigning to a <const> local is a compile-time error: nothing runs.
print("this line never runs")
local limit <const> = 10
local function bump()
  limit = limit + 1
end
bump()
