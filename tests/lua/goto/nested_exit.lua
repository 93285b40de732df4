-- goto out of nested loops and blocks
local function find(grid, target)
  local ri, ci
  for r = 1, #grid do
    for c = 1, #grid[r] do
      if grid[r][c] == target then
        ri, ci = r, c
        goto found
      end
    end
  end
  do return "missing " .. target end
  ::found::
  return ri .. "," .. ci
end
local g = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}
print(find(g, 5), find(g, 9), find(g, 10))

-- out of a while inside a repeat inside a for
local trace = {}
for i = 1, 3 do
  repeat
    local k = 0
    while true do
      k = k + 1
      trace[#trace + 1] = i .. ":" .. k
      if i == 2 and k == 2 then goto done end
      if k >= 2 then break end
    end
  until true
end
::done::
print(table.concat(trace, " "))

-- out of do blocks, skipping code
do
  do
    do
      goto skip
    end
    print("skipped 1")
  end
  print("skipped 2")
  ::skip::
  print("landed")
end

-- forward goto over statements (no locals in between)
local x = 1
goto later
x = 2
print("never")
::later::
print("x =", x)

-- goto used as `break` with a label right after the loop
local sum = 0
for v = 1, math.huge do
  sum = sum + v
  if sum > 20 then goto after_loop end
end
::after_loop::
print("sum", sum)

-- multiple gotos to one label
local function classify(n)
  local kind
  if n < 0 then kind = "neg" goto out end
  if n == 0 then kind = "zero" goto out end
  kind = "pos"
  ::out::
  return kind
end
print(classify(-3), classify(0), classify(8))
