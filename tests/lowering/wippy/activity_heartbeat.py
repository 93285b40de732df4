"""wippy/activity_heartbeat.lua as activity code."""

from luac2py.runtime import LuaSource, Table, acall, first, for_limit, index


def chunk(_ENV, *varargs):  # wippy/activity_heartbeat.lua
    activity_ = first(_ENV["require"]("activity"))

    async def work(n=None, *_):  # wippy/activity_heartbeat.lua:4
        for i in range(1, for_limit(n, 1) + 1):
            await acall(
                (
                    activity_["heartbeat"]
                    if type(activity_) is not str
                    else index(activity_, "heartbeat")
                ),
                i,
            )
        return n

    return Table(work=work)


__lua__ = LuaSource(
    "wippy/activity_heartbeat.lua",
    "6:1,7:2,9:4,10:5,11:6,19:8,21:11",
    "activity_=activity",
)
