-- #t on a table is its border; t[#t + 1] = v appends.
local t = {1, 2, 3}
t[#t + 1] = 4
local n = #t
print(n, t[n])
