"""errors/xpcall.lua as script code."""

from luac2py.runtime import LuaSource, concat, spread
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # errors/xpcall.lua

    def handler(msg=None, *_):  # errors/xpcall.lua:2
        return "handled: " + lua.tostring(msg)

    def anonymous(a=None, *_):  # errors/xpcall.lua:5
        return concat(a, None)

    lua.print(*spread(lua.xpcall(anonymous, handler, "x")))
    return ()


__lua__ = LuaSource(
    "errors/xpcall.lua",
    "7:1,9:2,10:3,12:5",
)
