-- Array and map types: {T}, T[], T[][], {[K]: V}, nested.
local xs: {number} = {1, 2, 3}
local ys: number[] = {4, 5}
local grid: {{integer}} = {{1, 2}, {3, 4}}
local rows: integer[][] = {{9}}
local ages: {[string]: integer} = {ann = 31, bob = 27}
local index: {[integer]: {string}} = {[1] = {"a"}, [2] = {"b", "c"}}
local total: number = 0
for _, v in ipairs(xs) do total = total + v end
for _, v in ipairs(ys) do total = total + v end
print(total, grid[2][1], rows[1][1])
local names: {string} = {}
for k in pairs(ages) do names[#names + 1] = k end
table.sort(names)
for _, k in ipairs(names) do print(k, ages[k]) end
print(#index[2], index[2][2])
local opt: {number?} = {1, nil, 3}
print(opt[1], opt[2], opt[3])
