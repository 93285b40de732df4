"""metatables/sealed_class.lua as script code."""

from luac2py.runtime import (
    LuaSource,
    MetaTable,
    Table,
    add,
    concat,
    dict_get,
    drop_nils,
    index,
    method,
    spread,
)
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # metatables/sealed_class.lua
    Account = Table()
    Account["__index"] = Account

    def new(owner=None, *_):  # metatables/sealed_class.lua:5
        _t = MetaTable(owner=owner, balance=0)
        if owner is None:
            drop_nils(_t)
        _t.meta = Account
        return _t

    Account["new"] = new

    def deposit(self=None, v=None, *_):  # metatables/sealed_class.lua:9
        if (
            (type(self) is MetaTable or type(self) is Table)
            and type((_t_4 := dict_get(self, "balance"))) is type(v) is int
            and (abs((_t_5 := (_t_4 + v))) <= 9223372036854775807)
        ):
            self["balance"] = _t_5
        else:
            _t_3 = (
                _t_2
                if type(
                    (_t := (self["balance"] if type(self) is not str else index(self, "balance")))
                )
                is type(v)
                is int
                and abs((_t_2 := (_t + v))) <= 9223372036854775807
                else _t + v if type(_t) is type(v) is float else add(_t, v)
            )
            if type(self) is MetaTable and ("balance" not in self or _t_3 is None):
                self.set("balance", _t_3)
            else:
                self["balance"] = _t_3
        return ()

    Account["deposit"] = deposit

    def report(self=None, *_):  # metatables/sealed_class.lua:13
        return (
            f"{_t}: {_t_2}"
            if (
                type((_t := (self["owner"] if type(self) is not str else index(self, "owner"))))
                is str
            )
            & (
                type(
                    (_t_2 := (self["balance"] if type(self) is not str else index(self, "balance")))
                )
                is str
            )
            else concat(_t, ": ", _t_2)
        )

    Account["report"] = report
    a = new("ann")
    if type(a) is MetaTable and a.meta is Account and ("deposit" not in a):
        deposit(a, 10)
    else:
        method(a, "deposit")(a, 10)
    lua.print(
        *spread(
            report(a)
            if type(a) is MetaTable and a.meta is Account and ("report" not in a)
            else method(a, "report")(a)
        )
    )
    return ()


__lua__ = LuaSource(
    "metatables/sealed_class.lua",
    "18:1,19:2,20:3,22:5,23:6,31:9,32:10,57:13,58:14,74:17,75:18,79:19",
)
