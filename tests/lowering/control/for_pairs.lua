-- A generic for over pairs(t) visits every key and value.
local t = {a = 1, b = 2, 10}
for k, v in pairs(t) do
    print(k, v)
end
