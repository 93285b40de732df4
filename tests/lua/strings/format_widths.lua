-- width and precision combinations for %s %d %x %f %g %e
local widths = {"", "1", "6", "-6", "06", "+6", " 6", "-+6", ".0", ".2", "6.2", "-8.3", "08.3"}
local vals = {s = "lua", d = -42, x = 3054, f = 3.14159, g = 0.000123456, e = 98765.4321}
for _, conv in ipairs({"s", "d", "x", "f", "g", "e"}) do
  local row = {}
  for _, w in ipairs(widths) do
    local spec = "%" .. w .. conv
    local ok, r = pcall(string.format, spec, vals[conv])
    row[#row + 1] = ok and ("[" .. r .. "]") or "ERR"
  end
  print(conv, table.concat(row, ""))
end
for p = 0, 8 do
  print(p, string.format("%." .. p .. "f|%." .. p .. "g|%." .. p .. "e|%." .. p .. "s", 2 / 3, 2 / 3, 2 / 3, "abcdefgh"))
end
print(string.format("%-5s|%5s|%-5d|%5d", "a", "b", 1, 2))
print(string.format("%3s|%3s", "abcdef", ""), string.format("%.0s|", "gone"))
print(string.format("%99d", 7):len(), string.format("%-99s|", "x"):len())
