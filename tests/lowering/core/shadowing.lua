-- A local declared again in the same scope or an inner block gets a fresh Python name.
local x = 1
local x = x + 1
do
    local x = "inner"
    print(x)
end
print(x)
