-- tostring with __tostring and __name; print uses tostring
local P = {}
P.__index = P
P.__tostring = function(p) return "(" .. p.x .. ", " .. p.y .. ")" end
local function point(x, y) return setmetatable({x = x, y = y}, P) end
print(tostring(point(1, 2)), point(3.5, -1))
print(tostring(nil), tostring(true), tostring(false), tostring(0), tostring(-0.0), tostring("s"))
print(tostring(1e300 * 10), tostring(-1e300 * 10), tostring(2^24), tostring(-2^63))
local named = setmetatable({}, {__name = "Widget"})
print((tostring(named):gsub("0x%x+", "ADDR")), (tostring({}):gsub("0x%x+", "ADDR")))
print(tostring(named):match("^Widget: ") ~= nil, tostring({}):match("^table: ") ~= nil)
print(tostring(print):match("^(%a+)") , tostring(tostring):match("^function"))
print(tostring(function() end):match("^function: ") ~= nil)
local numname = setmetatable({}, {__name = 42})
print(tostring(numname):match("^table: ") ~= nil)
local bad = setmetatable({}, {__tostring = function() return {} end})
print(pcall(tostring, bad))
local numret = setmetatable({}, {__tostring = function() return 12 end})
print(pcall(tostring, numret))
local err = setmetatable({}, {__tostring = function() error("boom") end})
print(pcall(tostring, err))
print(pcall(tostring))
local parts = {}
for _, v in ipairs({1, 2.0, "three", true}) do parts[#parts + 1] = tostring(v) end
print(table.concat(parts, "|"))
print(string.format("%s|%s", point(0, 0), 1.0))
local ok, e = pcall(error, point(9, 9))
print(ok, tostring(e), getmetatable(e) == P)
print(#tostring(12345), tostring(12345):rep(2), ("" .. 1.5))
