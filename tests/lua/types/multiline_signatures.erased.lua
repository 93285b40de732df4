-- Signatures spread over several lines, with comments between the annotations.
local function place(
  name,           -- who
  at,



  tag            --[[ optional ]]
)

  return name .. "@" .. at.x .. "," .. at.y .. (tag and ("#" .. tag) or ""), at.x + at.y
end
print(place("a", {x = 1, y = 2}))
print(place("b", {x = -1, y = 0.5}, "t"))
local scale = function(
  v,
  -- the factor
  k
)
  return v * k
end
print(scale(3, 4))
local cfg




 = {depth = 2}
print(cfg.depth, cfg.wide)
