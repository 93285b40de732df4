-- A numeric for with a float step counts as Lua does, with floats (no range).
for x = 0, 1, 0.25 do
    print(x)
end
