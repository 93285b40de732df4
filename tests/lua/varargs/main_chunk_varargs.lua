-- The main chunk is a vararg function; a script run without arguments gets none
print(select("#", ...))
local a, b = ...
print(a, b)
print(...)
local t = {...}
print(#t, t[1])
local packed = table.pack(...)
print(packed.n)
print((...))
print(... == nil)
-- ... in nested blocks of the main chunk
do
  local n = select("#", ...)
  for i = 1, 2 do print("loop", i, select("#", ...), n) end
end
local function inner(...)
  return select("#", ...)
end
print(inner(...), inner(..., nil), inner(nil, ...))
-- the main chunk can return values (ignored by the interpreter)
if select("#", ...) > 100 then return "unused" end
print("end of main chunk")
return 1, 2, 3
