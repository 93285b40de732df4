-- Lua names that are Python keywords, builtins or runtime helper names.
local len, range, type_, class, def, lambda, None, True = 1, 2, 3, 4, 5, 6, 7, 8
print(len, range, type_, class, def, lambda, None, True)
local add, first, spread, Table, index, call, lua, chunk, varargs = "a", "f", "s", "T", "i", "c", "l", "ch", "v"
print(add, first, spread, Table, index, call, lua, chunk, varargs)
local function print2(...) print(...) end
local function self(x) return x end
print2(self("self"))
local t = {class = "cls", def = "df", ["for"] = "fr", None = "none", ["end"] = 1, pass = 2, import = 3}
print(t.class, t.def, t["for"], t.None, t["end"], t.pass, t.import)
t.class = "changed"
t.await = "aw"
print(t.class, t.await)
local obj = {is = function(self, v) return v end}
print(obj:is("method named is"))
local str, list, dict, int, float, bool = "s", "l", "d", 1, 2.0, true
print(str, list, dict, int, float, bool)
for len = 1, 2 do print("loop", len) end
local _ENV2 = 1
local _t, _t_2, _ = "t1", "t2", "u"
print(_ENV2, _t, _t_2, _)
local err = nil
print(pcall(function() return err.field end))
print(pcall(function() local class = nil; return class.x end))
print(pcall(function() local _t = nil; return _t.y end))
