-- require of Lua files on package.path: loader arguments, the second result,
-- package.loaded rules, sub-modules, reloading, errors inside modules
local function write(name, text)
  local f = assert(io.open(name, "w"))
  f:write(text)
  f:close()
end

package.path = "./?.lua;./?/init.lua"
write("mod_a.lua", "local name, file = ...\nprint('loading', name, file)\nreturn {name = name}\n")
local a, where = require("mod_a")
print(a.name, where, package.loaded.mod_a == a)
print(select("#", require("mod_a")), require("mod_a") == a)

-- no return value: true; a value the module put in package.loaded wins
write("mod_b.lua", "X_B = (X_B or 0) + 1\n")
print(require("mod_b"), package.loaded.mod_b, X_B)
write("mod_c.lua", "package.loaded[...] = 'self'\n")
print(require("mod_c"))
write("mod_d.lua", "package.loaded[...] = 'self'; return 'returned'\n")
print(require("mod_d"))

-- false is stored but is not "loaded": the next require runs the file again
write("mod_e.lua", "X_E = (X_E or 0) + 1; return false\n")
print(require("mod_e"))
print(require("mod_e"), X_E)

-- sub-modules: dots become directory separators, init.lua
os.execute("mkdir -p pkg")
write("pkg/init.lua", "return {init = true}\n")
write("pkg/sub.lua", "return {sub = ...}\n")
local p, pf = require("pkg")
local s, sf = require("pkg.sub")
print(p.init, pf, s.sub, sf)

-- a first line starting with '#' is skipped; line numbers stay right
write("mod_f.lua", "#!/usr/bin/lua\nlocal x = nil\nreturn x.field\n")
print(pcall(require, "mod_f"))

-- errors: at level 2 the caller is require (no position), syntax errors
write("mod_g.lua", "error('level two', 2)\n")
print(pcall(require, "mod_g"))
print(pcall(function() require("mod_g") end))
write("mod_h.lua", "local x = = 1\n")
print(pcall(require, "mod_h"))
print(package.loaded.mod_g, package.loaded.mod_h)

-- number names are converted
write("42.lua", "return 'forty-two'\n")
print(require(42))

for _, f in ipairs{"mod_a.lua", "mod_b.lua", "mod_c.lua", "mod_d.lua", "mod_e.lua",
                   "mod_f.lua", "mod_g.lua", "mod_h.lua", "42.lua", "pkg/init.lua", "pkg/sub.lua", "pkg"} do
  assert(os.remove(f))
end
print(require("mod_a") == a)
