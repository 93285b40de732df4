print("before")
local function f(t) return t.x.y end
print(f({x = {y = 1}}))
f({})
print("never")
