local t = {}
print("start")
t.go()
