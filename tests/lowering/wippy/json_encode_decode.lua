-- json.encode and json.decode each return a value and an error value.
local json = require("json")

local function main(order)
    local text, err = json.encode({id = order.id, items = order.items})
    if err then
        return nil, err
    end
    local back = json.decode(text)
    return back.id
end

return {main = main}
