"""tables/fields.lua as script code."""

from luac2py.runtime import LuaSource, MetaTable, Table, add, dict_get, newindex, spread
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # tables/fields.lua

    def move(p, dx, key):  # tables/fields.lua:2
        if (
            (type(p) is MetaTable or type(p) is Table)
            and type((_t_2 := dict_get(p, "x"))) is int
            and ((_t_3 := (_t_2 + dx)) <= 9223372036854775807)
        ):
            p["x"] = _t_3
        else:
            _t = add(p["x"], dx)
            if type(p) is MetaTable and ("x" not in p or _t is None):
                p.set("x", _t)
            else:
                p["x"] = _t
        (newindex(p) if type(p) is MetaTable else p)[key] = (
            _t_4 if (_t_4 := p[key]) is not None and _t_4 is not False else 0
        )
        return (p["x"], p[key])

    lua.print(*spread(move(Table(x=1), 2, "y")))
    return ()


__lua__ = LuaSource(
    "tables/fields.lua",
    "7:1,9:2,10:3,22:4,25:5,27:7",
)
