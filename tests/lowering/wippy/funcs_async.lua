-- funcs.async starts a call without waiting for it and returns a future.
local funcs = require("funcs")

local function main(items)
    local future = funcs.async("shop:index", items)
    local result, err = future:result()
    return result, err
end

return {main = main}
