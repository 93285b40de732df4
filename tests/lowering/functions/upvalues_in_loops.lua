-- Each iteration of a loop has a fresh local, so closures made in a loop capture different ones.
local fns = {}
for i = 1, 3 do
    fns[i] = function() return i end
end
print(fns[1](), fns[3]())
