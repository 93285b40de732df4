-- Contextual words as fields, keys and method names: type, as, is, interface, readonly, asserts, keyof, extends.
local t = {type = "node", as = 1, is = true, interface = "io", readonly = false, asserts = 2}
print(t.type, t.as, t.is, t.interface, t.readonly, t.asserts)
t.type = t.type .. "!"
t.as = t.as + t.asserts
print(t.type, t.as)
local keys = {keyof = 1, extends = 3, type = 4}
print(keys.type, keys["keyof"] + keys["extends"])
local obj = {}
function obj:is(v) return v == self.want end
function obj:as(prefix) return prefix .. self.want end
function obj:type() return "obj" end
function obj:readonly() return true end
function obj:interface() return "iface" end
obj.want = "w"
print(obj:is("w"), obj:is("x"), obj:as("<"), obj:type(), obj:readonly(), obj:interface())

local tg = {type = "tag", is = false}
print(tg.type, tg.is, tg.as)
local nested = {a = {type = {as = {is = "deep"}}}}
print(nested.a.type.as.is)
