-- Colons, 'as' and '!' that are not annotations: method calls, strings, comments, labels.
local s = "local x: number = 1 -- x as T!"
print(s, #s)
-- local y: string = z as string!
--[[ function f(a: number): number end ]]
local obj = {n = 2}
function obj:get(k) return self[k] end
function obj:add(d) self.n = self.n + d; return self end
print(obj:get("n"), obj:add(3):get("n"), obj:add(1):add(1).n)
local up = ("abc"):upper()
local fmt = string.format("%s:%d", "k", 5)
local parts = {}
for w in ("a:b:c"):gmatch("[^:]+") do parts[#parts + 1] = w end
print(up, fmt, table.concat(parts, "|"))
local t = {a = {b = {c = function(self, x) return x + 1 end}}}
print(t.a.b:c(1), t.a.b.c(nil, 2))
local long = [[ x: number, y as T, z! ]]
print(long, ("x"):rep(3, ":"))
local ne = 1 ~= 2
print(ne, not nil)
