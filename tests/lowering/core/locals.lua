-- Locals become Python variables; a local declared without a value is nil (None).
local a = 1
local b
local c, d = "two", 3.0
b = a
print(a, b, c, d)
