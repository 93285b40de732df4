"""wippy/activity_time_sleep.lua as activity code."""

from luac2py.runtime import LuaSource, Table, acall, ainvoke, first, index, mul


def chunk(_ENV, *varargs):  # wippy/activity_time_sleep.lua
    time = first(_ENV["require"]("time"))

    async def wait(ms=None, *_):  # wippy/activity_time_sleep.lua:4
        await acall(time.sleep, "100ms")
        await acall(
            time.sleep,
            (
                _t_2
                if type(ms) is type((_t := index(time, "MILLISECOND"))) is int
                and abs((_t_2 := (ms * _t))) <= 9223372036854775807
                else ms * _t if type(ms) is type(_t) is float else mul(ms, _t)
            ),
        )
        return await ainvoke(time.now(), "unix")

    return Table(wait=wait)


__lua__ = LuaSource(
    "wippy/activity_time_sleep.lua",
    "6:1,7:2,9:4,10:5,11:6,20:7,22:10",
)
