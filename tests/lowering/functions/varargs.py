"""functions/varargs.lua as script code."""

from luac2py.runtime import LuaSource, Table, first, spread
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # functions/varargs.lua

    def count(*varargs):  # functions/varargs.lua:2
        first_2 = first(varargs)
        all = Table.of((*varargs,))
        return (len(varargs), first_2, all.length())

    lua.print(*spread(count(1, None, 3)))
    return ()


__lua__ = LuaSource(
    "functions/varargs.lua",
    "7:1,9:2,10:3,11:4,12:5,14:7",
    "first_2=first",
)
