"""wippy/time_parse_duration.lua as workflow code."""

from luac2py.runtime import LuaSource, Table, ainvoke, first, truthy


def chunk(_ENV, *varargs):  # wippy/time_parse_duration.lua
    time = first(_ENV["require"]("time"))

    async def main(text=None, *_):  # wippy/time_parse_duration.lua:4
        d, err = time.parse_duration(text)
        if truthy(err):
            return (None, err)
        await time.sleep(d)
        return await ainvoke(d, "seconds")

    return Table(main=main)


__lua__ = LuaSource(
    "wippy/time_parse_duration.lua",
    "6:1,7:2,9:4,10:5,11:6,12:7,13:9,14:10,16:13",
)
