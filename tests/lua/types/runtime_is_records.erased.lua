-- Types are values at run time: T:is(v) gives v, nil when v fits and nil, err when not (records).
local Point = {is = function(_, v) if type(v) == "table" and type(v.x) == "number" and type(v.y) == "number" then return v, nil end return nil, "not a Point" end}
local Named = {is = function(_, v) if type(v) == "table" and type(v.name) == "string" and (v.nick == nil or type(v.nick) == "string") then return v, nil end return nil, "not Named" end}
local function check(label, v, err)
  print(label, v ~= nil, err ~= nil)
end
local p = {x = 1, y = 2}
local v, err = Point:is(p)
print(v == p, err == nil)
check("point-missing", Point:is({x = 1}))
check("point-wrong", Point:is({x = 1, y = "2"}))
check("point-scalar", Point:is(5))
check("named", Named:is({name = "a"}))
check("named-nick", Named:is({name = "a", nick = "b"}))
check("named-badnick", Named:is({name = "a", nick = 3}))
local maybe = Point:is({x = 0.5, y = -1})
print(maybe and maybe.x + maybe.y)
