"""tables/sort_unpack.lua as script code."""

from luac2py.runtime import LuaSource, Table, gt, spread
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # tables/sort_unpack.lua
    t = Table.of((3, 1, 2))

    def anonymous(a=None, b=None, *_):  # tables/sort_unpack.lua:3
        return a > b if type(a) is type(b) is int else gt(a, b)

    lua.table.sort(t, anonymous)
    lua.print(*spread(lua.table.unpack(t)))
    return ()


__lua__ = LuaSource(
    "tables/sort_unpack.lua",
    "7:1,8:2,10:3,14:4",
)
