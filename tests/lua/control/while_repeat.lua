local line = {}
local function w(...) for i = 1, select("#", ...) do line[#line + 1] = tostring((select(i, ...))) end end
local function nl() print(table.concat(line)) line = {} end
local i = 0
while i < 5 do i = i + 1 end
print(i)
local s = ""
while true do
  s = s .. "x"
  if #s >= 3 then break end
end
print(s)
local n = 0
repeat n = n + 2 until n >= 7
print(n)
-- The until condition sees the body's locals.
local k = 0
repeat
  local done = k >= 3
  k = k + 1
until done
print(k)
local tries = {}
repeat
  local t = #tries + 1
  tries[t] = t * t
until tries[t] > 10
print(#tries, tries[#tries])
local c = 10
while c > 0 do
  c = c - 3
  if c == 4 then goto continue end
  w(c, " ")
  ::continue::
end
nl()
local outer = 0
while outer < 3 do
  outer = outer + 1
  local inner = 0
  repeat inner = inner + 1 until inner == outer
  w(outer, ":", inner, " ")
end
nl()
