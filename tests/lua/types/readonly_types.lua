-- readonly array, map and record types.
local days: readonly {string} = {"mon", "tue", "wed"}
local limits: readonly {[string]: number} = {low = 1, high = 9}
local origin: readonly {x: number, y: number} = {x = 0, y = 0}
type Config = readonly {
  name: string,
  retries: integer,
}
local function describe(c: Config, extra: readonly {integer}?): string
  local n: integer = extra and #extra or 0
  return c.name .. ":" .. c.retries .. ":" .. n
end
print(#days, days[3], limits.high - limits.low)
print(origin.x + origin.y)
print(describe({name = "svc", retries = 3}))
print(describe({name = "job", retries = 0}, {1, 2}))
