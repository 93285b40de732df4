local a = [[
first line
second line]]
print(a)
print(#a)
local b = [==[
contains ]] and [[ inside
]==]
print(b)
print([[no escapes \n \t \x41]])
print([[]] == "", [[
]] == "")
local c = [=[
]=]
print(#c)
local d = [[
  indented
    more]]
print(d)
--[[ a long
comment ]] print("after comment")
--[==[ another
]] still comment ]==] print("after level comment")
