"""wippy/time_sleep_variable.lua as workflow code."""

from luac2py.runtime import LuaSource, Table, first, index, mul


def chunk(_ENV, *varargs):  # wippy/time_sleep_variable.lua
    time = first(_ENV["require"]("time"))

    async def main(input=None, *_):  # wippy/time_sleep_variable.lua:4
        await time.sleep(
            _t if (_t := index(input, "hold")) is not None and _t is not False else "2s"
        )
        await time.sleep(mul(5, index(time, "SECOND")))
        return "woke"

    return Table(main=main)


__lua__ = LuaSource(
    "wippy/time_sleep_variable.lua",
    "6:1,7:2,9:4,10:5,13:6,14:7,16:10",
)
