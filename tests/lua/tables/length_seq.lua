local t = {}
print(#t)
for i = 1, 10 do t[i] = i * i end
print(#t)
t[#t + 1] = "eleven"
print(#t, t[11])
t[#t] = nil
print(#t)
for i = #t, 6, -1 do t[i] = nil end
print(#t)
local s = {n = 1, m = 2}
print(#s)
local grow = {}
for i = 1, 100 do grow[#grow + 1] = i end
print(#grow, grow[100])
while #grow > 95 do grow[#grow] = nil end
print(#grow)
print(#"string", #{1, 2, 3}, #{n = 3})
local q = {10, 20, 30}
table.insert(q, 40)
table.insert(q, 1, 5)
print(#q, table.concat(q, " "))
print(rawlen(q), rawlen("abc"))
