-- funcs.call with an ID computed at run time goes to the funcs module, which looks the entry up.
local funcs = require("funcs")

local function main(input)
    local id = "shop:" .. input.step
    local result, err = funcs.call(id, input.args)
    return result, err
end

return {main = main}
