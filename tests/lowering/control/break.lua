-- break leaves the innermost loop.
local found
for i = 1, 100 do
    if i * i > 50 then
        found = i
        break
    end
end
print(found)
