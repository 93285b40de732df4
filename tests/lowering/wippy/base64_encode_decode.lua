-- base64.encode returns one value; base64.decode a value and an error value.
local base64 = require("base64")

local function main(text)
    local encoded = base64.encode(text)
    local decoded, err = base64.decode(encoded)
    return decoded == text, err
end

return {main = main}
