-- package.searchpath: templates, '?' substitution, sep and rep, the message
local function write(name)
  local f = assert(io.open(name, "w")); f:write("return 1\n"); f:close()
end
os.execute("mkdir -p sp_dir")
write("sp_dir/C.lua"); write("sp_dir/XXxX"); write("sp_dir/a_b.lua"); write("sp_dir/x.y.lua")

print(package.searchpath("C.lua", "sp_dir/?", "", ""))
print(package.searchpath("C.lua", "sp_dir/?", ".", "."))
print(package.searchpath("--x-", "sp_dir/?", "-", "X"))
print(package.searchpath("---xX", "sp_dir/?", "---", "XX"))
print(package.searchpath("sp_dir/C.lua", "?", "/"))
print(package.searchpath("sp_dir.C", "?.lua"))
print(package.searchpath("sp_dir.x.y", "?.lua"))
print(package.searchpath("sp_dir.x.y", "?.lua", ""))
print(package.searchpath("sp_dir/a.b", "?.lua", ".", "_"))
print(package.searchpath("x", "sp_dir/?.y.lua;sp_dir/?.lua"))
print(package.searchpath("sp_dir", "./?"))        -- a directory can be opened

-- failures: every template named, empty ones too
print(package.searchpath("nothing", "a/?.lua;;?x?;"))
print(package.searchpath("a.b.c", "?;?.lua", ".", "::"))
print(package.searchpath("q", ""))
print(package.searchpath("q", ";"))
print(package.searchpath("q", "?\0;never"))
print(package.searchpath("q\0r", "?.lua"))
print(package.searchpath(1, 2, 3, 4))

-- a long path: many templates, many marks
local t = {}
for i = 1, 50 do t[i] = string.rep("?", i % 10 + 1) end
local s, err = package.searchpath("xu", table.concat(t, ";"))
print(s, #err, select(2, err:gsub("\n", "")), err:find(string.rep("xu", 10), 1, true) ~= nil)

-- argument checks (C checks them right to left)
print(pcall(package.searchpath))
print(pcall(package.searchpath, "a"))
print(pcall(package.searchpath, nil, "p"))
print(pcall(package.searchpath, "a", "p", {}))
print(pcall(package.searchpath, "a", "p", ".", {}))
print(pcall(package.searchpath, {}, "p", ".", {}))
print(pcall(function() package.searchpath("a") end))

for _, f in ipairs{"sp_dir/C.lua", "sp_dir/XXxX", "sp_dir/a_b.lua", "sp_dir/x.y.lua", "sp_dir"} do
  assert(os.remove(f))
end
