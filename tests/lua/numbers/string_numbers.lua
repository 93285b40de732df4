local cases = {"10", " 10 ", "0x10", "1e1", "10a", "", "  ", "1.", ".5", "0x", "1e", "- 1", "-1", "+1", "0x1p4", "1E+2", "inf", "nan", "0b1"}
for _, s in ipairs(cases) do print("[" .. s .. "]", tonumber(s), math.type(tonumber(s))) end
print("10" + 0, "0x10" * 1, "1e1" - 0, "3" // "2", "7" % "3", "2" ^ "3")
print(math.type("10" + 0), math.type("10.0" + 0), math.type("1e1" + 0))
print(10 == "10", tostring(10) == "10", 10 .. "" == "10")
print(tonumber("9223372036854775807"), tonumber("9223372036854775808"), tonumber("-9223372036854775808"))
print(tonumber("1e500"), tonumber("-1e500"), tonumber("0x7fffffffffffffff"), tonumber("0xffffffffffffffff"))
print(tonumber("z", 36), tonumber("Z", 36), tonumber("-ff", 16), tonumber("1.5", 10), tonumber("", 10))
print(pcall(tonumber, "10", 1))
print(pcall(tonumber, 10, 16))
print(string.format("%d", "10"), #tostring(12.5))
