-- Union 'A | B', intersection 'A & B' and optional 'T?' types.
type Named = {name: string}
type Aged = {age: integer}
type Person = Named & Aged
type Key = string | number
local function key_text(k: Key | boolean | nil): string
  return type(k) .. ":" .. tostring(k)
end
local function greet(p: Named & Aged & {title?: string}): string
  return (p.title or "") .. p.name .. "/" .. p.age
end
local maybe: string? = nil
local either: number | string = "s"
local all: Person = {name = "z", age = 9}
print(key_text(1), key_text("a"), key_text(false), key_text(nil))
print(greet(all), greet({name = "y", age = 2, title = "Dr "}))
print(maybe, either)
local n: integer? | string = 5
local m: number?? = nil
print(n, m, 6 | 1, 6 & 3)
