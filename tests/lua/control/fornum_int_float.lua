-- Numeric for: integer loops stay integers, any float makes a float loop
local function show(...) print(...) end
for i = 1, 3 do io.write(i, ":", math.type(i), " ") end print()
for i = 1.0, 3 do io.write(i, ":", math.type(i), " ") end print()
for i = 1, 3.0 do io.write(i, ":", math.type(i), " ") end print()
for i = 1, 2, 0.5 do io.write(i, " ") end print()
for i = 10, 1, -3 do io.write(i, " ") end print()
for i = 1, -1, -0.5 do io.write(i, " ") end print()
for i = 3, 1 do print("never") end
for i = 1, 3, -1 do print("never") end
-- float accumulation: the loop adds the step each time
local count, last = 0, nil
for x = 0, 1, 0.1 do count = count + 1 last = x end
print(count, last, string.format("%.17g", last))
count = 0
for x = 1, 0, -0.1 do count = count + 1 last = x end
print(count, string.format("%.17g", last))
-- float limit with integer start: limit floored/ceiled
for i = 1, 3.9 do io.write(i, " ") end print()
for i = -1, -3.5, -1 do io.write(i, " ") end print()
for i = 1, 0.99 do print("never") end
-- the loop variable is a copy: changing it does not affect iteration
for i = 1, 3 do
  local before = i
  i = i * 100
  io.write(before, "->", i, " ")
end
print()
-- bounds are evaluated once
local n = 3
for i = 1, n do n = n + 1 io.write(i, " ") end print(n)
local step = 1
for i = 1, 5, step do step = step + 10 io.write(i, " ") end print(step)
-- evaluation order of the three expressions
local order = {}
local function v(tag, x) order[#order + 1] = tag return x end
for i = v("init", 1), v("limit", 2), v("step", 1) do end
print(table.concat(order, ","))
-- large float steps and huge limits
for i = 1, math.huge, 2^62 do io.write(string.format("%.0f ", i)) if i > 2^63 then break end end print()
for i = 0.5, 2.5 do io.write(i, " ") end print()
for i = -0.0, 0 do print(i, 1/i) end
-- string bounds are converted
for i = "2", "4" do io.write(i, ":", math.type(i), " ") end print()
for i = 1, "2.5" do io.write(i, ":", math.type(i), " ") end print()
