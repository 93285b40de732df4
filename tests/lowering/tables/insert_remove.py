"""tables/insert_remove.lua as script code."""

from luac2py.runtime import LuaSource, Table
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # tables/insert_remove.lua
    t = Table()
    t.append("b")
    lua.table.insert(t, 1, "a")
    t.append("c")
    last = lua.table.remove(t)
    lua.print(lua.table.concat(t, ","), last)
    return ()


__lua__ = LuaSource(
    "tables/insert_remove.lua",
    "7:1,8:2,9:3,10:4,11:5,12:6,13:7",
)
