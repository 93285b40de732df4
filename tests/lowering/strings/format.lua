-- string.format with Lua's format specifiers.
local name, n, x = "items", 3, 2.5
print(string.format("%d %s cost %.2f", n, name, x))
print(("%5s|%-5s|%x"):format("a", "b", 255))
