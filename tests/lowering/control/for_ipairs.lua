-- A generic for over ipairs(t) visits 1, 2, ... until the first nil.
local t = {"x", "y", "z"}
for i, v in ipairs(t) do
    print(i, v)
end
