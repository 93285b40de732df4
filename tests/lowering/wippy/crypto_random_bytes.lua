-- crypto.random_bytes returns bytes and an error value.
local crypto = require("crypto")

local function main()
    local nonce, err = crypto.random_bytes(16)
    if err then
        return nil, err
    end
    return #nonce
end

return {main = main}
