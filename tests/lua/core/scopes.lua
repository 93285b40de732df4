local out = {}
local function add(v) out[#out + 1] = tostring(v) end
local v = "top"
if true then
  local v = "if"
  add(v)
end
add(v)
while true do
  local v = "while"
  add(v)
  break
end
for v = 1, 2 do add(v) end
add(v)
for _, v in ipairs({"i1", "i2"}) do add(v) end
add(v)
do local v <const> = "const"; add(v) end
local function f() return v end
add(f())
print(table.concat(out, " "))
local a = 1
local function g() a = a + 1 return a end
print(g(), g(), a)
local names = {}
for i = 1, 3 do local k = i * 2; names[i] = k end
print(names[1], names[2], names[3])
