-- A call as the last list item of a constructor spreads all its values into the table.
local function three()
    return 1, 2, 3
end
local all = {three()}
local one = {three(), 0}
print(#all, #one)
