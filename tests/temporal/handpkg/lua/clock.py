"""clock.lua:

local time = require("time")
local workflow = require("workflow")

local function main(input)
    local start = time.now()
    time.sleep("1s")
    time.sleep(input.extra_ms * time.MILLISECOND)
    local elapsed = time.now():sub(start)
    return {
        elapsed_ms = elapsed:milliseconds(),
        elapsed = tostring(elapsed),
        started = start:format(time.RFC3339),
        info = workflow.info(),
        history_length = workflow.history_length(),
    }
end

return { main = main }
"""

from datetime import timedelta

from temporalio import workflow as temporal_workflow

from luac2py.runtime import Table, index, invoke, mul
from luac2py.runtime import lib as lua


# clock.lua:1
def chunk(_ENV, *varargs):
    time = _ENV["require"]("time")[0]
    workflow = _ENV["require"]("workflow")[0]

    # clock.lua:4
    async def main(input=None, *_):
        start = time.now()
        await temporal_workflow.sleep(timedelta(seconds=1))
        await time.sleep(mul(index(input, "extra_ms"), time.MILLISECOND))
        elapsed = invoke(time.now(), "sub", start)
        return Table(
            elapsed_ms=invoke(elapsed, "milliseconds"),
            elapsed=lua.tostring(elapsed),
            started=invoke(start, "format", time.RFC3339),
            info=workflow.info(),
            history_length=workflow.history_length(),
        )

    return Table(main=main)
