"""probe.lua: call any activity, report what the workflow saw.

local funcs = require("funcs")

local function main(input)
    local result, err
    if input.options then
        local executor = funcs.new():with_options(input.options)
        result, err = executor:call(input.activity, input.arg)
    else
        result, err = funcs.call(input.activity, input.arg)
    end
    if err then
        return {ok = false, kind = err:kind(), retryable = err:retryable(),
                message = err:message(), text = "err: " .. err}
    end
    return {ok = true, result = result}
end

return main
"""

from luac2py.runtime import Table, adjust, ainvoke, concat, index, invoke, truthy


# probe.lua:1
def chunk(_ENV, *varargs):
    funcs = _ENV["require"]("funcs")[0]

    # probe.lua:3
    async def main(input=None, *_):
        result = err = None
        if truthy(index(input, "options")):
            executor = invoke(index(funcs, "new")(), "with_options", index(input, "options"))
            result, err = adjust(await ainvoke(executor, "call", index(input, "activity"), index(input, "arg")), 2)
        else:
            result, err = adjust(await funcs.call(index(input, "activity"), index(input, "arg")), 2)
        if truthy(err):
            return Table(
                ok=False,
                kind=invoke(err, "kind"),
                retryable=invoke(err, "retryable"),
                message=invoke(err, "message"),
                text=concat("err: ", err),
            )
        return Table(ok=True, result=result)

    return main
