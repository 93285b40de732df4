-- obj:m(...) passes obj as self; function t:m() declares the self parameter.
local obj = {value = 10}
function obj:add(n)
    self.value = self.value + n
    return self
end
obj:add(1):add(2)
local other = {value = 0, add = obj.add}
other:add(5)
print(obj.value, other.value)
