-- Types are values at run time: T:is(v) gives v, nil when v fits and nil, err when not (records).
type Point = {x: number, y: number}
type Named = {name: string, nick?: string}
local function check(label: string, v: any, err: any)
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
local maybe: Point? = Point:is({x = 0.5, y = -1})
print(maybe and maybe.x + maybe.y)
