-- '::' casts next to '::label::' labels and goto.
local data = {count = 2, name = "d"}
local n = data.count
local s = data.name .. "!"
::top::
local t = (data).count
print(n, s, t)
local i = 0
::again::
i = i + 1
if i < 3 then goto again end
print("i", i)
do
  local v = i; ::inner::
  local w = v * 10
  print(v, w)
end
:: spaced ::
local list = {data, i, "z"}
print(#list, list[2], list[3])
