"""tables/nested.lua as script code."""

from luac2py.runtime import LuaSource, MetaTable, Table, index, length, newindex
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # tables/nested.lua
    config = Table(server=Table(host="localhost", ports=Table.of((80, 443))))
    (newindex(_t) if type((_t := config["server"]["ports"])) is MetaTable else _t)[3] = 8080
    lua.print(
        config["server"]["host"],
        _t_2[2] if type((_t_2 := config["server"]["ports"])) is not str else index(_t_2, 2),
        length(config["server"]["ports"]),
    )
    return ()


__lua__ = LuaSource(
    "tables/nested.lua",
    "7:1,8:2,9:3,10:4",
)
