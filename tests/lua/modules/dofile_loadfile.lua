-- dofile and loadfile: results, '#' first lines, errors and their positions
local function write(name, text)
  local f = assert(io.open(name, "w")); f:write(text); f:close()
end
write("df1.lua", "#!/usr/bin/env lua\nlocal n = ... or 0\nreturn n + 1, 'two', COUNTER\n")
COUNTER = 10
print(dofile("df1.lua"))
local f = loadfile("df1.lua")
print(f(41))
print(loadfile("df1.lua", "t", {COUNTER = "env"})(1))
print(loadfile("df1.lua", "b"))
print(loadfile("missing.lua"))
print(pcall(dofile, "missing.lua"))
print(pcall(function() dofile("missing.lua") end))

write("df2.lua", "local x = \n  nil + 1\n")
print(pcall(dofile, "df2.lua"))
write("df3.lua", "return return\n")
print(loadfile("df3.lua"))
print(pcall(dofile, "df3.lua"))
write("df4.lua", "error('level 2', 2)\n")
print(pcall(function() dofile("df4.lua") end))
write("df5.lua", "\239\187\191print('after a BOM')\n")
dofile("df5.lua")
write("df6.lua", "")
print(select("#", dofile("df6.lua")), loadfile("df6.lua") ~= nil)

print(pcall(dofile, {}))
print(pcall(function() loadfile({}) end))
for i = 1, 6 do assert(os.remove("df" .. i .. ".lua")) end
