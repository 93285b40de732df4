-- Any value can be an error: a table raised with level 0 comes back unchanged from pcall.
local ok, err = pcall(function()
    error({code = 42}, 0)
end)
print(ok, err.code)
