-- hash.sha256 returns a hex digest and an error value.
local hash = require("hash")

local function main(text)
    local digest, err = hash.sha256(text)
    return digest, err
end

return {main = main}
