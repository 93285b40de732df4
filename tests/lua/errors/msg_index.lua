local function try(f) local ok, e = pcall(f) print(e) end
try(function() local x; return x.field end)
try(function() return undefined_global.field end)
local t = {}
try(function() return t.missing.deeper end)
local up = nil
try(function() return up.x end)
try(function() local s = 5; return s.y end)
try(function() local b = true; b.k = 1 end)
try(function() t.a.b = 1 end)
try(function() undefined_global.z = 1 end)
try(function() up[1] = 2 end)
try(function() local x; return x[1] end)
try(function() return t[1][2] end)
try(function() local k = "key"; return t[k].v end)
try(function() return ("str").x.y end)
try(function() local f = function() end; return f.x end)
