-- The .. operator: a chain of concatenations becomes one concat call; numbers are converted as Lua prints them.
local name = "world"
local n = 42
local greeting = "hello, " .. name .. "! " .. n
print(greeting)
