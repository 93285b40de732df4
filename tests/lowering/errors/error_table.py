"""errors/error_table.lua as script code."""

from luac2py.runtime import LuaSource, Table, adjust, index
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # errors/error_table.lua

    def anonymous(*_):  # errors/error_table.lua:2
        lua.error(Table(code=42), 0)
        return ()

    ok, err = adjust(lua.pcall(anonymous), 2)
    lua.print(ok, err["code"] if type(err) is not str else index(err, "code"))
    return ()


__lua__ = LuaSource(
    "errors/error_table.lua",
    "7:1,9:2,10:3,13:2,14:5",
)
