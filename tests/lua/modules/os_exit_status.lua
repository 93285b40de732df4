-- os.exit: buffered output is flushed, the status is the exit code
print("printed")
io.write("written without a newline")
local f = assert(io.open("left_open.txt", "w"))
f:write("data")
os.remove("left_open.txt")
os.exit(7)
print("not reached")
