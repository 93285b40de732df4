-- '::' casts next to '::label::' labels and goto.
local data: any = {count = 2, name = "d"}
local n = data.count :: integer
local s = data.name :: string .. "!"
::top::
local t = (data :: {count: integer}).count
print(n, s, t)
local i: integer = 0
::again::
i = i + 1 :: integer
if i < 3 then goto again end
print("i", i)
do
  local v = i :: number; ::inner::
  local w = v :: number * 10
  print(v, w)
end
:: spaced ::
local list = {data :: any, i :: integer, "z" :: string}
print(#list, list[2], list[3])
