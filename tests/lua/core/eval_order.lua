-- Targets' tables and keys are evaluated before the values and before any assignment.
local t = {1, 2, 3}
local i = 1
i, t[i] = i + 1, 20
print(i, t[1], t[2])
local a = {b = {name = "old"}}
local old = a.b
a.b, a.b.name = {name = "new"}, "changed"
print(a.b.name, old.name)
-- A value that appends to the same table does not move the target key.
local log = {}
local function push(v) log[#log + 1] = "pushed" return v end
log[#log + 1] = push("x")
print(#log, log[1], log[2])
-- A value that replaces the target table: the old table receives the write.
local holder = {inner = {}}
local first = holder.inner
local function swap() holder.inner = {} return "value" end
holder.inner.field = swap()
print(first.field, holder.inner.field)
-- Indexing nil in a target fails before the value is computed.
local calls = 0
local function counted() calls = calls + 1 return 1 end
local ok, e = pcall(function() local n = {} n.missing.key = counted() end)
print(ok, e, calls)
-- Arguments and table items are evaluated left to right.
local order = {}
local function note(x) order[#order + 1] = x return x end
local r = {note(1), note(2), k = note(3)}
local function three(...) return ... end
three(note(4), note(5))
print(table.concat(order, " "), r[1], r[2], r.k)
-- Swaps through fields
local p = {x = 1, y = 2}
p.x, p.y = p.y, p.x
print(p.x, p.y)
