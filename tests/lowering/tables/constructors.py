"""tables/constructors.lua as script code."""

from luac2py.runtime import LuaSource, Table
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # tables/constructors.lua
    key = "dynamic"
    t = Table.of(("first", "second"), [("name", "value"), (key, True), (10, "ten")])
    empty = Table()
    lua.print(t[1], t["name"], t["dynamic"], t[10], empty)
    return ()


__lua__ = LuaSource(
    "tables/constructors.lua",
    "7:1,8:2,9:6,10:10,11:11",
)
