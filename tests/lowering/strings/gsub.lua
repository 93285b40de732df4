-- gsub with a pattern and a string, a function or a table as the replacement.
local s = "one two three"
print(s:gsub("%w+", "<%0>"))
print(s:gsub("(%w+)", function(w) return #w end))
print(s:gsub("%w+", {one = "1", two = "2"}, 2))
