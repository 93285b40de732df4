-- Primitive type names called as functions cast values: string(x), number(x), integer(x), boolean(x).
local s: string = string("abc")
local n: number = number(2.5)
local i: integer = integer(7)
local b: boolean = boolean(false)
print(s .. "!", n * 2, i + 1, math.type(i), not b)
print(string.upper("still the library"), string.format("%03d", (integer(5))))
type Age = integer
local a, err = Age:is(30)
print(a, err)
local bad, why = Age:is("30")
print(bad, why ~= nil)
