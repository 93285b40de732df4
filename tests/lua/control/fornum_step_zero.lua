-- 'for' step is zero, for integers and floats; bad bounds
local function try(f)
  local ok, e = pcall(f)
  print(ok, e)
end
try(function() for i = 1, 10, 0 do print("never") end end)
try(function() for i = 1.0, 10, 0.0 do print("never") end end)
try(function() for i = 1, 10, -0.0 do print("never") end end)
try(function() for i = "a", 10 do end end)
try(function() for i = 1, {} do end end)
try(function() for i = 1, 2, nil do end end)
try(function() for i = nil, 2 do end end)
try(function() for i = 1, 2, "x" do end end)
try(function() for i = 1, 2, "0" do end end)
-- a zero step raises even if the loop would run no iterations
try(function() for i = 10, 1, 0 do end end)
-- the error is raised before the body runs
local ran = false
try(function() for i = 1, 1, 0 do ran = true end end)
print(ran)
local zero = 0
for i = 1, 3, zero do print(i) end
