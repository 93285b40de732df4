-- package.preload and package.searchers: loader arguments, searcher results,
-- the require and package upvalues, package.loaded with metamethods
package.path = "./?.lua"
package.cpath = "./?.so"

package.preload.pl = function(...)
  print("preload loader", select("#", ...), ...)
  return {args = {...}}
end
local pl, extra = require("pl")
print(pl.args[1], pl.args[2], extra, require("pl") == pl)

-- a preload value that is not a function is not a loader
package.preload.notfn = {}
print(pcall(require, "notfn"))

-- replacing package or package.preload does not change what require uses
local p = package
package = {}
p.preload.pl2 = function(name) return name .. "!" end
print(require("pl2"))
package = p
local pre = package.preload
package.preload = {x = function() return "new table" end}
print(pcall(require, "x"))
package.preload = pre

-- custom searchers: a string adds to the message, nil adds nothing,
-- a function is the loader, the second value its data
table.insert(package.searchers, 1, function(name)
  if name == "virtual" then
    return function(n, data) return "virtual module " .. n .. " " .. tostring(data) end, 123
  elseif name == "silent" then
    return nil
  end
  return "\n\tfirst searcher says no to " .. name
end)
print(require("virtual"))
print(pcall(require, "silent"))
print(pcall(require, "other"))
table.remove(package.searchers, 1)

-- a searcher that is not callable; a searcher that errors
package.searchers[5] = function(name) error("searcher failed for " .. name) end
print(pcall(require, "boom"))
package.searchers[5] = function(name) error("at level 2", 2) end
print(pcall(function() require("boom") end))
package.searchers[5] = nil

-- loader errors: level 2 is require itself
package.preload.bad = function() error("loader error", 2) end
print(pcall(function() require("bad") end))
package.preload.bad2 = function() local t = nil; return t.x end
print(pcall(require, "bad2"))

-- the searchers called directly
print(package.searchers[1]("nothing"))
print(package.searchers[2]("nothing"))
print(package.searchers[3]("nothing"))
print(select("#", package.searchers[4]("nothing")), package.searchers[4]("no.thing"))
print(package.searchers[1]("pl") == package.preload.pl, select(2, package.searchers[1]("pl")))

-- package.loaded: a false value is reloaded, metamethods are used
package.preload.count = function() COUNT = (COUNT or 0) + 1; return COUNT end
package.loaded.count = false
print(require("count"), require("count"), COUNT)
setmetatable(package.loaded, {__index = function(t, k) if k == "magic" then return "from __index" end end})
print(require("magic"))
setmetatable(package.loaded, nil)

-- standard libraries are in package.loaded
for _, name in ipairs{"_G", "package", "coroutine", "table", "io", "os", "string", "math", "utf8", "debug"} do
  io.write(name, " ", tostring(require(name) == package.loaded[name]), " ")
end
print()
print(require("_G") == _G, require("package") == package, package.loaded.package == package)
print(type(package.searchpath), type(package.loadlib), #package.searchers, package.config == "/\n;\n?\n!\n-\n")
print(package.config:gsub("\n", "|"))
