--[[ a long comment
print("not printed")
]] print("after long comment")
--[==[ nested-looking ]] still comment ]=] still ]==] print("after level 2")
--[=[]=]print("empty long comment")
---[[ this is a line comment, so the next line runs
print("line comment trick")
--]]
local s1 = [[
first line
second line]]
print(s1, #s1)
local s2 = [[no leading newline]]
print(s2)
local s3 = [==[
contains ]] and ]=] and [[ inside]==]
print(s3)
local s4 = [[
]]
print(#s4, string.format("%q", s4))
local s5 = [[

two newlines, first skipped]]
print(#s5, string.format("%q", s5))
local s6 = [[escapes \n \t \\ are literal]]
print(s6, #s6)
local s7 = [=[a
b
c]=]
print(string.format("%q", s7))
print(#[[]], [[]] == "")
-- long string as a call argument and table key
print(string.upper[[call sugar]])
local t = {[ [[key]] ] = "v"}
print(t.key)
local function id(x) return x end
print(id[=[bracketed]=])
-- comments in odd places
local v = 1 --[[ inline ]] + 2 -- trailing
print(v)
local w = --[[ before ]] 5 --[[ after ]]
print(w)
print(#"--[[ not a comment in a string ]]")
