-- The # operator: a string's length, a table's border, or __len.
local s = "hello"
local t = {10, 20, 30}
local function size(v)
    return #v
end
print(#s, #t, size(t))
