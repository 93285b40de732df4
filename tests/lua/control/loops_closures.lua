local line = {}
local function w(...) for i = 1, select("#", ...) do line[#line + 1] = tostring((select(i, ...))) end end
local function nl() print(table.concat(line)) line = {} end
local fs = {}
for i = 1, 3 do fs[#fs + 1] = function() return i end end
for _, v in ipairs({"x", "y"}) do fs[#fs + 1] = function() return v end end
local j = 0
while j < 2 do
  j = j + 1
  local captured = j * 100
  fs[#fs + 1] = function() return captured end
end
repeat
  local r = "rep"
  fs[#fs + 1] = function() return r end
until true
for _, f in ipairs(fs) do w(tostring(f()), " ") end
nl()
-- A closure changing its own iteration's variable.
local incs, gets = {}, {}
for i = 1, 2 do
  local n = i * 10
  incs[i] = function() n = n + 1 end
  gets[i] = function() return n end
end
incs[1](); incs[1](); incs[2]()
print(gets[1](), gets[2]())
-- Loop variable modified inside the body, then captured.
local caps = {}
for i = 1, 3 do
  i = i * 2
  caps[#caps + 1] = function() return i end
end
print(caps[1](), caps[2](), caps[3]())
