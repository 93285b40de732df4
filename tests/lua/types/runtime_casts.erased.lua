-- Primitive type names called as functions cast values: string(x), number(x), integer(x), boolean(x).
local s = ("abc")
local n = (2.5)
local i = math.tointeger(7)
local b = (false)
print(s .. "!", n * 2, i + 1, math.type(i), not b)
print(string.upper("still the library"), string.format("%03d", (math.tointeger(5))))
local Age = {is = function(_, v) if math.type(v) == "integer" then return v, nil end return nil, "not an integer" end}
local a, err = Age:is(30)
print(a, err)
local bad, why = Age:is("30")
print(bad, why ~= nil)
