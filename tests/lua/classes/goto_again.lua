-- A backward goto defines the class again: each object keeps its own class.
local n, objects = 0, {}
::again::
local C = {}
C.__index = C
local tag = n
function C:tag() return tag end
objects[#objects + 1] = setmetatable({}, C)
n = n + 1
if n < 3 then goto again end
for i = 1, #objects do io.write(objects[i]:tag(), " ") end
print()
