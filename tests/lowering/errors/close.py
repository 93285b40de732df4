"""errors/close.lua as script code."""

from luac2py.runtime import LuaSource, MetaTable, Table, spread, tbc_check, tbc_close
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # errors/close.lua

    def resource(name):  # errors/close.lua:2

        def anonymous(_=None, err=None, *_2):  # errors/close.lua:3
            lua.print("closing", name, err)
            return ()

        return lua.new_object(MetaTable(), Table(__close=anonymous), False)

    r = resource("a")
    tbc_check(r, "r")
    try:
        lua.print("using a")
    finally:
        tbc_close(r)

    def anonymous(*_):  # errors/close.lua:9
        r = resource("b")
        tbc_check(r, "r")
        try:
            lua.error("failed")
        finally:
            tbc_close(r)
        return ()

    lua.print(*spread(lua.pcall(anonymous)))
    return ()


__lua__ = LuaSource(
    "errors/close.lua",
    "7:1,9:2,11:3,17:6,19:7,24:9,25:10,28:11,33:9",
)
