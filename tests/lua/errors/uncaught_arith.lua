local a = 1
local count
print(a + 1)
print(a + count)
