-- Array and map types: {T}, T[], T[][], {[K]: V}, nested.
local xs = {1, 2, 3}
local ys = {4, 5}
local grid = {{1, 2}, {3, 4}}
local rows = {{9}}
local ages = {ann = 31, bob = 27}
local index = {[1] = {"a"}, [2] = {"b", "c"}}
local total = 0
for _, v in ipairs(xs) do total = total + v end
for _, v in ipairs(ys) do total = total + v end
print(total, grid[2][1], rows[1][1])
local names = {}
for k in pairs(ages) do names[#names + 1] = k end
table.sort(names)
for _, k in ipairs(names) do print(k, ages[k]) end
print(#index[2], index[2][2])
local opt = {1, nil, 3}
print(opt[1], opt[2], opt[3])
