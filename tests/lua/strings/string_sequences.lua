-- Reads of a local sequence of string literals that is never written: strings
-- for keys in range, nil outside, and the same when the table is changed.
local names = {"ann", "bob", "cy"}
local out = {}
for i = 1, 9 do
  local w = names[i % 3 + 1] .. i
  out[#out + 1] = w
end
print(table.concat(out, " "))
local counts = {}
for i = 1, 30 do
  local k = names[(i * i) % 3 + 1] .. "!"
  counts[k] = (counts[k] or 0) + 1
end
print(counts["ann!"], counts["bob!"], counts["cy!"])

-- keys outside 1..3: nil, and the errors name the field
for _, k in ipairs({0, 4, -1}) do
  print(k, names[k], pcall(function() return names[k] .. "x" end))
end
print(pcall(function() local i = 5; return names[i % 4 + 1] .. "y" end))
print(names[1.0], names[2.5], names["1"])

-- a sequence that is written, or handed to functions, is left alone
local changing = {"a", "b"}
changing[2] = 7
for i = 1, 2 do print(changing[i] .. "") end
local sorted = {"q", "p"}
table.sort(sorted)
for i = 1, 2 do print(sorted[i] .. i) end
local inserted = {"x", "y"}
table.insert(inserted, 1, 42)
for i = 1, 2 do print(inserted[i] .. i) end
local removed = {"m", "n"}
table.remove(removed)
print(pcall(function() for i = 1, 2 do print(removed[i] .. i) end end))
local function clear(t) t[1] = false end
local passed = {"r", "s"}
clear(passed)
print(pcall(function() return passed[1] .. "" end))
print(#names)
