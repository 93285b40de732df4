-- A numeric for with integer bounds and step becomes a Python range loop.
local total = 0
for i = 1, 10 do
    total = total + i
end
for i = 10, 1, -2 do
    total = total - i
end
print(total)
