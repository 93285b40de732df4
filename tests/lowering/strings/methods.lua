-- String methods: s:upper() and string.upper(s) both call the runtime's string library.
local s = "Hello, Lua"
print(s:upper(), s:lower(), s:len(), s:sub(1, 5), s:rep(2, "-"))
print(string.byte(s, 1), string.char(72, 105), s:find("Lua", 1, true))
