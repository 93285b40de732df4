"""wippy/activity_time_sleep.lua as activity code."""

from luac2py.runtime import LuaSource, Table, first, index, method, mul


def chunk(_ENV, *varargs):  # wippy/activity_time_sleep.lua
    time = first(_ENV["require"]("time"))

    def wait(ms=None, *_):  # wippy/activity_time_sleep.lua:4
        time.sleep("100ms")
        time.sleep(
            _t_2
            if type(ms) is type((_t := index(time, "MILLISECOND"))) is int
            and abs((_t_2 := (ms * _t))) <= 9223372036854775807
            else ms * _t if type(ms) is type(_t) is float else mul(ms, _t)
        )
        return method((_t_3 := time.now()), "unix")(_t_3)

    return Table(wait=wait)


__lua__ = LuaSource(
    "wippy/activity_time_sleep.lua",
    "6:1,7:2,9:4,10:5,11:6,17:7,19:10",
)
