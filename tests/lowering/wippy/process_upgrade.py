"""wippy/process_upgrade.lua as workflow code."""

from luac2py.runtime import LuaSource, Table, first, index, truthy


def chunk(_ENV, *varargs):  # wippy/process_upgrade.lua
    process = first(_ENV["require"]("process"))

    async def main(state=None, *_):  # wippy/process_upgrade.lua:4
        if truthy(index(state, "done")):
            return state
        await process.upgrade(Table(done=True))
        return ()

    return Table(main=main)


__lua__ = LuaSource(
    "wippy/process_upgrade.lua",
    "6:1,7:2,9:4,10:5,11:6,12:8,15:11",
)
