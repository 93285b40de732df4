-- Runtime error messages name the offending variable
local function try(f, ...) local ok, e = pcall(f, ...) print(e) end
local up_nil
local up_tbl = {}
glob_tbl = {}
-- index
try(function() local x; return x.a end)
try(function() return no_such_global.a end)
try(function() return up_tbl.a.b end)
try(function() return up_nil.a end)
try(function() return glob_tbl.inner.deep end)
try(function() local t = {} return t[1].x end)
try(function() local t = {}; local k = "key" return t[k].x end)
try(function(p) return p.x end)
try(function() return (up_nil).x end)
try(function() return ("s"):x() end)
-- call
try(function() no_such_function() end)
try(function() up_nil() end)
try(function() local f = 1; f() end)
try(function() up_tbl.method() end)
try(function() up_tbl:method() end)
try(function() glob_tbl.a.b() end)
try(function() string.nosuch() end)
try(function() local t = {f = {}} t.f() end)
try(function(cb) cb() end)
try(function() (nil)() end)
-- arithmetic
try(function() return up_tbl.x + 1 end)
try(function() local n return n * 2 end)
try(function() return 2 ^ no_such_global end)
try(function() return up_nil - 1 end)
try(function() return -up_tbl end)
try(function() local t = {} return t.count // 2 end)
try(function() local s = "x" return s + 1 end)
try(function() return 1 + {} end)
-- concatenation
try(function() local t = {} return "a" .. t end)
try(function() return "a" .. up_tbl.name end)
try(function() return no_such_global .. "b" end)
try(function() return up_nil .. "" end)
try(function() return 1 .. true end)
try(function() local a, b = "x", nil return a .. "-" .. b end)
-- length
try(function() return #up_nil end)
try(function() local n = 3 return #n end)
try(function() return #up_tbl.list end)
try(function() return #no_such_global end)
-- assignment into non-tables
try(function() local s = nil; s.field = 1 end)
try(function() up_tbl.a.b = 1 end)
try(function() no_such_global.x = 1 end)
try(function() local n = 5; n[1] = 0 end)
-- values are described by type, including booleans and functions
try(function() local b = false return b.x end)
try(function() return print.x end)
try(function() return print + 1 end)
