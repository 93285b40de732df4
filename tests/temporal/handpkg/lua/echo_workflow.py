"""echo_workflow.lua:

local funcs = require("funcs")

local function main(input)
    if input.mixed then
        return {1, 2, three = 3}
    end
    local out, err = funcs.call("app:echo", input)
    if err then
        return nil, err
    end
    return {input = input, echoed = out}
end

return { main = main }
"""

from luac2py.runtime import Table, adjust, index, truthy


# echo_workflow.lua:1
def chunk(_ENV, *varargs):
    funcs = _ENV["require"]("funcs")[0]

    # echo_workflow.lua:3
    async def main(input=None, *_):
        if truthy(index(input, "mixed")):
            return Table.of([1, 2], three=3)
        out, err = adjust(await funcs.call("app:echo", input), 2)
        if truthy(err):
            return (None, err)
        return Table(input=input, echoed=out)

    return Table(main=main)
