-- Table constructors: list items, named fields and [computed] keys in one table.
local key = "dynamic"
local t = {
    "first",
    "second",
    name = "value",
    [key] = true,
    [10] = "ten",
}
local empty = {}
print(t[1], t.name, t.dynamic, t[10], empty)
