-- Union 'A | B', intersection 'A & B' and optional 'T?' types.




local function key_text(k)
  return type(k) .. ":" .. tostring(k)
end
local function greet(p)
  return (p.title or "") .. p.name .. "/" .. p.age
end
local maybe = nil
local either = "s"
local all = {name = "z", age = 9}
print(key_text(1), key_text("a"), key_text(false), key_text(nil))
print(greet(all), greet({name = "y", age = 2, title = "Dr "}))
print(maybe, either)
local n = 5
local m = nil
print(n, m, 6 | 1, 6 & 3)
