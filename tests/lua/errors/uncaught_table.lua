print("about to fail")
error({code = 1})
