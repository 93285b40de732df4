-- A <close> local's __close metamethod runs when its scope ends, normally or by an error.
local function resource(name)
    return setmetatable({}, {__close = function(_, err) print("closing", name, err) end})
end
do
    local r <close> = resource("a")
    print("using a")
end
print(pcall(function()
    local r <close> = resource("b")
    error("failed")
end))
