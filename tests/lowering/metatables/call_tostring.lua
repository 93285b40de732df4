-- __call makes a table callable; __tostring is what tostring and print show.
local mt = {
    __call = function(self, x) return self.base + x end,
    __tostring = function(self) return "adder(" .. self.base .. ")" end,
}
local add5 = setmetatable({base = 5}, mt)
print(add5(1), tostring(add5))
