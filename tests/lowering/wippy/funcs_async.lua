-- funcs.async starts a call without waiting for it: a future and nil, or nil
-- and an error for a malformed ID. Its response channel receives the result.
local funcs = require("funcs")

local function main(items)
    local future, err = funcs.async("shop:index", items)
    if err then
        return nil, err
    end
    local payload = future:response():receive()
    return payload:data()
end

return {main = main}
