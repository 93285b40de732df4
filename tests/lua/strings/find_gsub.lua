local s = "The quick brown fox jumps over the lazy dog"
print(s:find("quick"), s:find("o", 15), s:find("xyz"), s:find(""), s:find("", 100))
print(s:match("(%a+) (%a+)$"), s:match("q(u)(i)"), s:match("()fox()"))
print(s:gsub("o", "0", 2))
print(s:gsub("(%w+)", "<%1>", 3))
print(s:gsub("%s+", "_"))
print(("hello world"):gsub("(%w+) (%w+)", "%2 %1"))
print(("abc"):gsub("", "-"))
print(("a,b,,c"):gsub(",", ";"))
local words = {}
for w in s:gmatch("%a+") do words[#words + 1] = w:lower() end
print(#words, words[1], words[#words])
local pairs_found = {}
for k, v in ("a=1, b=2, c=3"):gmatch("(%w+)=(%w+)") do pairs_found[#pairs_found + 1] = k .. v end
print(table.concat(pairs_found, " "))
print(("x = 10"):match("^(%w+)%s*=%s*(%d+)$"))
print(("  padded  "):match("^%s*(.-)%s*$") .. "|")
print(("2024-01-15"):match("(%d+)-(%d+)-(%d+)"))
print(("key: value"):find(":", 1, true), ("a.b"):find(".", 1, true), ("a+b"):find("+", 1, true))
print(("%d"):gsub("%%", "%%%%"))
print(("hello"):gsub("l", {l = "L"}), ("hello"):gsub("[aeiou]", function(c) return c:upper() end))
print(("abc"):gsub("b", false), ("abc"):gsub("%w", {a = 1, b = true}))
print(pcall(string.gsub, "x", "(", ""))
print(pcall(string.rep, "x", -1), ("ab"):reverse(), ("AbC"):lower(), ("AbC"):upper())
print(string.find("abc", "b", -1), string.find("abc", "b", -2), string.find("abc", "c", 10))
