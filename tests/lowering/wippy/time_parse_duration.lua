-- time.parse_duration returns a duration and an error value.
local time = require("time")

local function main(text)
    local d, err = time.parse_duration(text)
    if err then
        return nil, err
    end
    time.sleep(d)
    return d:seconds()
end

return {main = main}
