-- A function that (directly or through another) suspends becomes async def, and its calls are awaited.
local funcs = require("funcs")
local time = require("time")

local function step(name)
    time.sleep("1s")
    return funcs.call("shop:" .. name)
end

local function pure(x)
    return x * 2
end

local function main()
    local a = step("first")
    return a, pure(21)
end

return {main = main}
