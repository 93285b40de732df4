local t = {1, 2, 3}
print(string.format("%d items", #t))
print(("%d%%"):format(99.5))
