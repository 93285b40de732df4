-- #t of constructor-made sequences that are never written after, and of
-- look-alikes that are
local words = {"alpha", "beta", "gamma"}
local flags = {true, false, false}
local nested = {{1}, {2, 3}, {}}
local fns = {function() return 1 end, function() return 2 end}
print(#words, #flags, #nested, #fns, words[#words], flags[#flags], #nested[#nested])
for i = 1, 7 do io.write(words[i % #words + 1], " ") end
print()
local function pick(i) return words[(i * i) % #words + 1] end
print(pick(1), pick(2), pick(5))

local written = {"a", "b"}
written[3] = "c"
print(#written)
local shrunk = {"a", "b", "c"}
local function drop() shrunk[#shrunk] = nil end
drop()
print(#shrunk)
local inserted = {"x"}
table.insert(inserted, "y")
print(#inserted)
local passed = {1, 2, 3}
local function clear(t) for k in pairs(t) do t[k] = nil end end
clear(passed)
print(#passed)
local with_nil = {1, nil, 3}
print(#with_nil == 3 or #with_nil == 1)
local keyed = {1, 2, x = 3}
print(#keyed)
local function three() return 1, 2, 3 end
local spread = {0, three()}
print(#spread)
local holey = {"a", "b"}
print(#holey, holey[3])
local n = 10
local vals = {n, n + 1}
print(#vals)
