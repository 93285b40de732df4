-- gsub with patterns whose matches are never empty (compiled to re.subn):
-- replacement strings, tables and functions, limits, errors, identity
local s = "k1=7;k22=154;x/3 k333\\n=0;"
print(s:gsub("%d+", "<%0>"))
print(s:gsub("k(%d)", "K%1"))
print(s:gsub("(%a)(%d+)", "%2%1"))
print(s:gsub("%d", "%%"))
print(s:gsub("%d+", "\\1"))
print(s:gsub("%d+", "a\\g<0>b"))
print(s:gsub("=", "\n"))
print(s:gsub("%d+", "%1"))            -- %1 with no captures: the whole match
print(pcall(string.gsub, s, "%d+", "%2"))
print(pcall(string.gsub, s, "(%d)", "%2"))
print(pcall(string.gsub, s, "%d+", "%x"))
print(pcall(string.gsub, "none", "%d+", "%2"))  -- no match: no error
print(s:gsub("%d+", "#", 2))
print(s:gsub("%d+", "#", 0))
print(s:gsub("%d+", "#", -1))
print(s:gsub("%d+", "#", 2.0))
print(pcall(string.gsub, s, "%d+", "#", 1.5))
print(s:gsub("%d+", 9))
print(s:gsub("%d+", 1.5))

local t = {["7"] = "seven", ["154"] = 154, ["0"] = false, k = "KEY"}
print(s:gsub("%d+", t))
print(s:gsub("(k)%d", t))
print(s:gsub("%a+", setmetatable({}, {__index = function(_, k) return k:upper() end})))
print(pcall(string.gsub, s, "%d+", {["7"] = {}}))
print(pcall(string.gsub, s, "%d+", {["7"] = true}))

local seen = {}
print(s:gsub("(%a)(%d*)", function(a, d) seen[#seen + 1] = a .. ":" .. d; return nil end))
print(table.concat(seen, " "))
print(s:gsub("%d+", function(d) return tonumber(d) * 2 end))
print(s:gsub("%d+", function(d) return tonumber(d) / 2 end))
print(s:gsub("%d+", function(d) if d == "154" then return false end return "n" end))
print(pcall(string.gsub, s, "%d+", function() return {} end))
print(pcall(string.gsub, s, "%d+", function(d) error("inside " .. d) end))
local ok, e = pcall(string.gsub, s, "%d+", function(d) error({code = d}) end)
print(ok, type(e), e.code)

-- anchors, frontiers, back-references, sets, lazy and optional items
print(("hello world"):gsub("o$", "0"))
print(("hello world"):gsub("d$", "D"))
print(("THE (quick) fox"):gsub("%f[%a]%a+", "w"))
print(("aa bb cd ee"):gsub("(%a)%1", "<%1%1>"))
print(("x = 1, y = 22"):gsub("(%w+)%s*=%s*(%w+)", "%2=%1"))
print(("a.b-c"):gsub("[%.%-]", "_"))
print(("<a><bb><>"):gsub("<(.-)>", "[%1]"))
print(("aaa"):gsub("a?a", "x"))
print(("abc"):gsub(".", {a = 1, b = true}))
print(("\0a\0"):gsub("%z", "Z"))
print(("caf\xe9 \xff"):gsub("[\x80-\xff]", "?"))
print(("one two  three"):gsub("%s+", " "))

-- the subject itself comes back when nothing is replaced
local big = string.rep("a", 50)
print(string.format("%p", big) == string.format("%p", (big:gsub("b", "c"))))
print(string.format("%p", big) == string.format("%p", (big:gsub(".", {x = "y"}))))
print(string.format("%p", big) == string.format("%p", (big:gsub(".", function() end))))
print(big:gsub("a", "a", 3))
