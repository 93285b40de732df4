-- Adjusting multiple results in every context
local function none() end
local function one() return 1 end
local function three() return 1, 2, 3 end
local function count(...) return select("#", ...) end

-- call arguments: only the last expands
print(count(three()), count(three(), three()), count(three(), 10), count(none(), none()))
print(count(none()), count((none())), count(three(), none()))
print(three(), three())
print((three()), "|", (none()))

-- table constructors
local t = {three(), three()}
print(#t, t[1], t[2], t[4])
t = {three(), nil}
print(#t, t[1], t[2])
t = {none(), none(), 5}
print(t[1], t[2], t[3])
t = {(three())}
print(#t)
t = {three(), x = 1, three()}
print(#t, t[1], t[2], t[3], t[4], t.x)
t = {[1] = "explicit", three()}
print(t[1], t[2], t[3])

-- assignments
local a, b, c, d = three()
print(a, b, c, d)
a, b, c, d = three(), three()
print(a, b, c, d)
a, b, c = none(), 7
print(a, b, c)
a, b = (three())
print(a, b)

-- return adjustments
local function ret_all() return three() end
local function ret_one() return (three()) end
local function ret_mixed() return three(), three() end
local function ret_none() return none() end
print(count(ret_all()), count(ret_one()), count(ret_mixed()), count(ret_none()))

-- in expressions: truncated to one value, none gives nil
print(three() + 10, one() .. "x", none() == nil, #{three()})
print(not none(), -three(), (three()))
local s = string.format("%d %d %d", three())
print(s)
-- method calls and string methods
local obj = {f = function(self, ...) return select("#", ...), ... end}
print(obj:f(three()))
print(obj:f(three(), "last"))
print(("%s-%s"):format(three()))
-- in conditions
if none() then print("never") else print("none is falsy") end
while three() == 1 do print("while sees first value") break end
-- table.insert with an adjusted call result
local list = {}
table.insert(list, (three()))
table.insert(list, #list + 1, one())
print(#list, list[1], list[2])
