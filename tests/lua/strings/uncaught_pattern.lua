-- an uncaught malformed pattern error
local words = {}
for w in ("one two"):gmatch("%a+") do words[#words + 1] = w end
print(table.concat(words, "+"))
print(("abc"):find("[a-"))
