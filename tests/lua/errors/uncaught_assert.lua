print(assert(1))
assert(false, "assertion with message")
