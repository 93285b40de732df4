-- everyday string utilities built on the library: split, trim, escape, startswith
local function split(s, sep)
  local out = {}
  for piece in (s .. sep):gmatch("(.-)" .. sep:gsub("%p", "%%%0")) do out[#out + 1] = piece end
  return out
end
local function trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end
local function escape(s) return (s:gsub("[%^%$%(%)%%%.%[%]%*%+%-%?]", "%%%0")) end
local function startswith(s, p) return s:sub(1, #p) == p end
local function endswith(s, p) return p == "" or s:sub(-#p) == p end
local function count(s, sub) return select(2, s:gsub(escape(sub), "")) end
local parts = split("a,b,,c", ",")
print(#parts, table.concat(parts, "|"))
parts = split("one::two::three", "::")
print(#parts, table.concat(parts, "|"))
parts = split("x.y.z", ".")
print(#parts, table.concat(parts, "|"))
print("[" .. trim("  padded \t\n") .. "]", "[" .. trim("") .. "]", "[" .. trim("   ") .. "]")
print(escape("1+1=2?"), escape("(a.b)[c]%d^$"), escape("plain"))
print(("cost: 1+1"):find(escape("1+1")), ("a.b"):gsub(escape("."), "dot"))
print(startswith("prefix-body", "prefix"), startswith("pre", "prefix"), endswith("file.lua", ".lua"))
print(endswith("x", ""), endswith("lua", "file.lua"))
print(count("banana", "an"), count("a.b.c", "."), count("aaaa", "aa"))
local csv = "name,age,city\nalice,30,paris\nbob,25,rome"
for line in csv:gmatch("[^\n]+") do
  local f = split(line, ",")
  print(#f, f[1]:upper(), f[3]:sub(1, 1):upper() .. f[3]:sub(2))
end
local template = "Hello ${name}, you are ${age}! ${missing}"
print((template:gsub("%${(%w+)}", {name = "Ann", age = 7})))
local function capitalize(s) return (s:gsub("(%a)(%w*)", function(a, b) return a:upper() .. b:lower() end)) end
print(capitalize("hELLO wORLD from LUA 5.4"))
local function wrap(s, n)
  local lines, line = {}, ""
  for word in s:gmatch("%S+") do
    if #line + #word + 1 > n and #line > 0 then lines[#lines + 1] = line; line = word
    else line = (#line > 0) and (line .. " " .. word) or word end
  end
  lines[#lines + 1] = line
  return table.concat(lines, "\n")
end
print(wrap("the quick brown fox jumps over the lazy dog again and again", 15))
print(("%d%%"):format(50), ("x"):rep(3, ","), ("abc"):reverse():upper())
