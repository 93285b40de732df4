"""metatables/call_tostring.lua as script code."""

from luac2py.runtime import LuaSource, MetaTable, Table, add, concat, first, index
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # metatables/call_tostring.lua

    def __call(self=None, x=None, *_):  # metatables/call_tostring.lua:2
        return (
            _t_2
            if type((_t := (self["base"] if type(self) is not str else index(self, "base"))))
            is type(x)
            is int
            and abs((_t_2 := (_t + x))) <= 9223372036854775807
            else _t + x if type(_t) is type(x) is float else add(_t, x)
        )

    def __tostring(self=None, *_):  # metatables/call_tostring.lua:3
        return (
            f"adder({_t})"
            if type((_t := (self["base"] if type(self) is not str else index(self, "base")))) is str
            else concat("adder(", _t, ")")
        )

    mt = Table(__call=__call, __tostring=__tostring)
    _t = MetaTable(base=5)
    _t.meta = mt
    add5 = _t
    lua.print(first(add5(1)), lua.tostring(add5))
    return ()


__lua__ = LuaSource(
    "metatables/call_tostring.lua",
    "7:1,9:2,10:3,20:4,26:3,27:6,30:7",
)
