-- A <const> local cannot be assigned again; it lowers like any local.
local limit <const> = 10
local total = 0
for i = 1, limit do
    total = total + i
end
print(total)
