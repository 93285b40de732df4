-- readonly array, map and record types.
local days = {"mon", "tue", "wed"}
local limits = {low = 1, high = 9}
local origin = {x = 0, y = 0}




local function describe(c, extra)
  local n = extra and #extra or 0
  return c.name .. ":" .. c.retries .. ":" .. n
end
print(#days, days[3], limits.high - limits.low)
print(origin.x + origin.y)
print(describe({name = "svc", retries = 3}))
print(describe({name = "job", retries = 0}, {1, 2}))
