local function try(f) local ok, e = pcall(f) print(e) end
try(function() undefined_function() end)
try(function() local f; f() end)
local t = {}
try(function() t.method() end)
try(function() t:method() end)
local up
try(function() up() end)
try(function() local n = 5; n() end)
try(function() t.sub.fn() end)
try(function() ("x"):nosuch() end)
try(function() local s = "str"; s() end)
try(function() t[1]() end)
try(function() local obj = {inner = {}}; obj.inner:go() end)
try(function() return (nil)() end)
