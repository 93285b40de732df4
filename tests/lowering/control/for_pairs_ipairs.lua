-- A generic for over pairs(t) visits every key; over ipairs(t), 1, 2, ... until the first nil.
local t = {a = 1, b = 2, "x", "y"}
for k, v in pairs(t) do
    print(k, v)
end
for i, v in ipairs(t) do
    print(i, v)
end
