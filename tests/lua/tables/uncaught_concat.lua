local t = {"a", "b", {}, "d"}
print(table.concat(t, ",", 1, 2))
print(table.concat(t, ","))
