"""functions/methods.lua as script code."""

from luac2py.runtime import (
    LuaSource,
    MetaTable,
    Table,
    add,
    dict_get,
    first,
    index,
    method,
    newindex,
)
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # functions/methods.lua
    obj = Table(value=10)

    def add_2(self=None, n=None, *_):  # functions/methods.lua:3
        if (
            (type(self) is MetaTable or type(self) is Table)
            and type((_t_4 := dict_get(self, "value"))) is type(n) is int
            and (abs((_t_5 := (_t_4 + n))) <= 9223372036854775807)
        ):
            self["value"] = _t_5
        else:
            _t_3 = (
                _t_2
                if type((_t := (self["value"] if type(self) is not str else index(self, "value"))))
                is type(n)
                is int
                and abs((_t_2 := (_t + n))) <= 9223372036854775807
                else _t + n if type(_t) is type(n) is float else add(_t, n)
            )
            if type(self) is MetaTable and ("value" not in self or _t_3 is None):
                self.set("value", _t_3)
            else:
                self["value"] = _t_3
        return self

    (newindex(obj) if type(obj) is MetaTable else obj)["add"] = add_2
    method((_t := first(method(obj, "add")(obj, 1))), "add")(_t, 2)
    other = Table(value=0, add=obj["add"])
    method(other, "add")(other, 5)
    lua.print(obj["value"], other["value"])
    return ()


__lua__ = LuaSource(
    "functions/methods.lua",
    "17:1,18:2,20:3,21:4,40:5,43:7,44:8,45:9,46:10",
)
