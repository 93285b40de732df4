-- while becomes a Python while loop.
local i = 1
local total = 0
while i <= 10 do
    total = total + i
    i = i + 1
end
print(total)
