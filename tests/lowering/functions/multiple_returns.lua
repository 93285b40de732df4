-- A function returning several values returns a tuple; first takes one value, adjust pads or cuts, spread passes all.
local function pair()
    return 1, 2
end
local one = pair()
local a, b, c = pair()
local x, y = 0, pair()
print(pair())
print(one, a, b, c, x, y, (pair()))
