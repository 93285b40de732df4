"""functions/upvalues_in_loops.lua as script code."""

from luac2py.runtime import LuaSource, array_get, array_put, first, new_array, spread
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # functions/upvalues_in_loops.lua
    fns = new_array()
    for i in range(1, 3 + 1):

        def anonymous(*_, i=i):  # functions/upvalues_in_loops.lua:4
            return i

        try:
            fns[i] = anonymous
        except IndexError:
            array_put(fns, i, anonymous)
    lua.print(
        first((fns[1] if 1 < len(fns) else array_get(fns, 1))()),
        *spread((fns[3] if 3 < len(fns) else array_get(fns, 3))()),
    )
    return ()


__lua__ = LuaSource(
    "functions/upvalues_in_loops.lua",
    "7:1,8:2,9:3,10:4,18:6",
)
