"""functions/closures.lua as script code."""

from luac2py.runtime import LuaSource, wrap
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # functions/closures.lua

    def counter():  # functions/closures.lua:2
        n = 0

        def anonymous(*_):  # functions/closures.lua:4
            nonlocal n
            n = _t if (_t := (n + 1)) <= 9223372036854775807 else wrap(_t)
            return n

        return anonymous

    next_id = counter()
    lua.print(next_id(), next_id())
    return ()


__lua__ = LuaSource(
    "functions/closures.lua",
    "7:1,9:2,10:3,12:4,14:5,15:6,17:4,19:9,20:10",
)
