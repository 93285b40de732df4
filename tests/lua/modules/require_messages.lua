-- the "module not found" message: one line per searcher, path and cpath
-- templates, empty templates; 'package.path' and 'package.searchers' checks
package.path = "?.lua;?/?;;x/?.lua"
package.cpath = "?.so;?/init"
print(pcall(require, "XXX"))
print(pcall(require, "a.b.c"))        -- the C root searcher tries 'a'
print(pcall(function() require("no.such") end))

-- C strings end at a zero byte
package.path = "??\0?"
print(pcall(require, "zz"))
package.path = ""
package.cpath = ""
print(pcall(require, "empty"))

package.path = 12                     -- numbers are strings
print(pcall(require, "twelve"))
package.path = {}
print(pcall(require, "tbl"))
print(pcall(function() require("tbl") end))
print(pcall(package.searchers[2], "tbl"))
package.path = "?.lua"
package.cpath = true
print(pcall(require, "tbl"))
package.cpath = "?.so"

local searchers = package.searchers
package.searchers = "x"
print(pcall(require, "s"))
print(pcall(function() require("s") end))
package.searchers = {}
print(pcall(require, "s"))
package.searchers = searchers

-- bad arguments
print(pcall(require))
print(pcall(require, {}))
print(pcall(function() require(nil) end))
print(pcall(function() local t = {} ; require(t) end))
