"""wippy/channel_spawn_select.lua as workflow code."""

from luac2py.runtime import LuaSource, Table, ainvoke, first, for_limit, index
from luac2py.runtime.wippy.channel import channel, spawn


def chunk(_ENV, *varargs):  # wippy/channel_spawn_select.lua

    async def main(n=None, *_):  # wippy/channel_spawn_select.lua:2
        jobs, results = (channel.new(n), channel.new())

        async def anonymous(*_):  # wippy/channel_spawn_select.lua:4
            for i in range(1, for_limit(n, 1) + 1):
                await ainvoke(jobs, "send", i)
            await ainvoke(jobs, "close")
            return ()

        spawn(anonymous)
        r = await channel.select(
            Table.of(
                (
                    first(await ainvoke(jobs, "case_receive")),
                    first(await ainvoke(results, "case_send", "x")),
                ),
                default=True,
            )
        )
        return index(r, "value")

    return Table(main=main)


__lua__ = LuaSource(
    "wippy/channel_spawn_select.lua",
    "7:1,9:2,10:3,12:4,13:5,14:6,15:8,18:4,19:10,28:11,30:14",
)
