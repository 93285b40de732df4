-- Erasure keeps line numbers: a runtime error in annotated code reports the same line.
type Cfg = {
  limit: integer,
}
local function check(c: Cfg,
                     v: number): number
  if v > c.limit then
    error("over limit: " .. v)
  end
  return v
end
print(check({limit = 5}, 3))
print(pcall(check, {limit = 5}, 9))
local bad: {x: number}? = nil
local ok, msg = pcall(function(): number
  return (bad as {x: number}).x
end)
print(ok, msg)
check({limit = 1} :: Cfg, 2 as number)
