-- wrong number of arguments to 'insert' is raised at the call site
local list = {}
table.insert(list, "first")
print(#list, list[1])
table.insert(list, 1, "x", "extra")
print("not reached")
