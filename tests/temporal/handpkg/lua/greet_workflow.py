"""greet_workflow.lua:

local funcs = require("funcs")

local function main(input)
    local r, err = funcs.call("app:greet", input)
    if err then
        return nil, err
    end
    r.doubled = funcs.call("app:double", 21)
    return r
end

return main
"""

from luac2py.runtime import adjust, first, setindex, truthy


# greet_workflow.lua:1
def chunk(_ENV, *varargs):
    funcs = _ENV["require"]("funcs")[0]

    # greet_workflow.lua:3
    async def main(input=None, *_):
        r, err = adjust(await funcs.call("app:greet", input), 2)
        if truthy(err):
            return (None, err)
        setindex(r, "doubled", first(await funcs.call("app:double", 21)))
        return r

    return main
