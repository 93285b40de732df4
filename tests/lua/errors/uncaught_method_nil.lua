local obj = {name = "x"}
print(obj.name)
obj:greet()
