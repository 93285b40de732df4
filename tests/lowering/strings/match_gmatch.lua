-- match returns the captures; gmatch iterates over every match.
local date = "2024-05-17"
local y, m, d = date:match("(%d+)-(%d+)-(%d+)")
print(y, m, d)
for word in ("a bb ccc"):gmatch("%a+") do
    print(word)
end
