-- Signatures spread over several lines, with comments between the annotations.
local function place(
  name: string,           -- who
  at: {
    x: number,
    y: number,            -- trailing comma next
  },
  tag: string?            --[[ optional ]]
): (string,
    number)
  return name .. "@" .. at.x .. "," .. at.y .. (tag and ("#" .. tag) or ""), at.x + at.y
end
print(place("a", {x = 1, y = 2}))
print(place("b", {x = -1, y = 0.5}, "t"))
local scale = function(
  v: number,
  -- the factor
  k: number
): number
  return v * k
end
print(scale(3, 4))
local cfg: {
  depth: integer,   -- levels
  --[==[ long
  comment ]==]
  wide?: boolean,
} = {depth = 2}
print(cfg.depth, cfg.wide)
