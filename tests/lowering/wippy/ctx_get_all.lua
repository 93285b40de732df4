-- ctx.get reads one value of the caller's context (value, err); ctx.all returns all of them.
local ctx = require("ctx")

local function main()
    local user, err = ctx.get("user")
    local everything = ctx.all()
    return user or "anonymous", everything, err
end

return {main = main}
