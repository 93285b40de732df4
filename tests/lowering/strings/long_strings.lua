-- Escapes and long strings become ordinary Python string literals.
local a = "tab\tnewline\n\"quoted\""
local b = [[
long string, kept as written: \n stays]]
print(a, b, #b)
