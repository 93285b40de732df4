-- Typed and optional parameters; the optional ones may be left out.
local function greet(name: string, greeting: string?): string
  return (greeting or "hello") .. ", " .. name
end
print(greet("ann"))
print(greet("bob", "hi"))
local function area(w: number, h: number?): number
  h = h or w
  return w * h
end
print(area(3), area(3, 4), area(2.5))
local function opts(a: integer, b: integer?, c: {string}?): string
  return string.format("%d %s %d", a, tostring(b), c and #c or -1)
end
print(opts(1))
print(opts(1, 2, {"x", "y"}))
