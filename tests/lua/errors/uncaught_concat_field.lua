-- An uncaught concatenation error naming a field
local user = {name = "ann", tags = {}}
print("user: " .. user.name)
local function label(u) return u.name .. " <" .. u.email .. ">" end
print(pcall(label, user))
print("tags: " .. user.tags)
