local s = "Hello, World"
print(s:upper(), s:lower(), s:len(), s:reverse())
print(s:sub(1, 5), s:sub(-5), s:sub(8, -1), s:sub(0), s:sub(5, 2), s:sub(-100, 3), s:sub(3, 100))
print(s:find("World"), s:find("o"), s:find("o", 6), s:find("xyz"), s:find("l+"))
print(s:find(".", 1, true), s:find(", ", 1, true))
print(s:match("(%a+), (%a+)"))
print(s:gsub("o", "0"))
print(s:gsub("%a+", string.upper))
print(("abc"):rep(2), ("x"):byte(), string.char(0x41))
local t = {}
for w in ("one two  three"):gmatch("%a+") do t[#t + 1] = w end
print(#t, t[1], t[3])
print(("%d items"):format(3), ("  trim  "):match("^%s*(.-)%s*$") .. "|")
local str = "abc"
print(str.upper(str), string.upper(str), str:upper() == "ABC")
print(("test"):len(), #"test")
print(("CamelCase"):gsub("%u", function(c) return "_" .. c:lower() end))
print(("k=v, a=b"):gsub("(%w+)=(%w+)", "%2=%1"))
print(("hello"):find("l"), ("hello"):match("l+"), ("a.b.c"):gsub("%.", "/"))
