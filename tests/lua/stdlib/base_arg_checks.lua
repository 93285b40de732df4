-- base library argument checks: tonumber with a base (signs, base conversion), rawget
print(tonumber("+1", 10), tonumber("  +1Z  ", 36), tonumber("-ff", 16), tonumber("+ 1", 10))
print(tonumber("10", 16.0), tonumber("10", "16"), tonumber("10", " 8 "))
print(pcall(tonumber, "10", 2.5))
print(pcall(tonumber, "10", {}))
print(pcall(tonumber, "10", nil))
print(pcall(tonumber, {}, 10))
print(pcall(rawget, {}))
print(pcall(rawget, {}, nil))
