print("n")
error(42)
