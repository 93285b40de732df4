"""metatables/index_table.lua as script code."""

from luac2py.runtime import LuaSource, MetaTable, Table, index
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # metatables/index_table.lua
    defaults = Table(color="red", size=1)
    item = lua.new_object(MetaTable(size=5), Table(__index=defaults), False)
    lua.print(
        item["color"] if type(item) is not str else index(item, "color"),
        item["size"] if type(item) is not str else index(item, "size"),
        lua.rawget(item, "color"),
    )
    return ()


__lua__ = LuaSource(
    "metatables/index_table.lua",
    "7:1,8:2,9:3,10:4",
)
