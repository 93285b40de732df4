"""metatables/newindex.lua as script code."""

from luac2py.runtime import LuaSource, MetaTable, Table, index
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # metatables/newindex.lua
    log = Table()

    def anonymous(t=None, k=None, v=None, *_):  # metatables/newindex.lua:3
        log.append(k)
        lua.rawset(t, k, v)
        return ()

    t = lua.new_object(MetaTable(), Table(__newindex=anonymous), False)
    if type(t) is MetaTable and "a" not in t:
        t.set("a", 1)
    else:
        t["a"] = 1
    if type(t) is MetaTable and "a" not in t:
        t.set("a", 2)
    else:
        t["a"] = 2
    if type(t) is MetaTable and "b" not in t:
        t.set("b", 3)
    else:
        t["b"] = 3
    lua.print(
        log.length(),
        t["a"] if type(t) is not str else index(t, "a"),
        t["b"] if type(t) is not str else index(t, "b"),
    )
    return ()


__lua__ = LuaSource(
    "metatables/newindex.lua",
    "7:1,8:2,10:3,11:5,12:6,15:4,16:9,20:10,24:11,28:12",
)
