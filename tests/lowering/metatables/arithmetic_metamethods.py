"""metatables/arithmetic_metamethods.lua as script code."""

from luac2py.runtime import LuaSource, MetaTable, Table, add, drop_nils, eq, index, lt
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # metatables/arithmetic_metamethods.lua
    V = Table()
    V["__index"] = V

    def __add(a=None, b=None, *_):  # metatables/arithmetic_metamethods.lua:4
        _t_4 = MetaTable(
            n=(
                _t_3
                if type((_t := (a["n"] if type(a) is not str else index(a, "n"))))
                is type((_t_2 := (b["n"] if type(b) is not str else index(b, "n"))))
                is int
                and abs((_t_3 := (_t + _t_2))) <= 9223372036854775807
                else _t + _t_2 if type(_t) is type(_t_2) is float else add(_t, _t_2)
            )
        )
        drop_nils(_t_4)
        _t_4.meta = V
        return _t_4

    V["__add"] = __add

    def __eq(a=None, b=None, *_):  # metatables/arithmetic_metamethods.lua:5
        return (
            _t == _t_2
            if type((_t := (a["n"] if type(a) is not str else index(a, "n"))))
            is type((_t_2 := (b["n"] if type(b) is not str else index(b, "n"))))
            is not MetaTable
            else eq(_t, _t_2)
        )

    V["__eq"] = __eq

    def __lt(a=None, b=None, *_):  # metatables/arithmetic_metamethods.lua:6
        return (
            _t < _t_2
            if type((_t := (a["n"] if type(a) is not str else index(a, "n"))))
            is type((_t_2 := (b["n"] if type(b) is not str else index(b, "n"))))
            is int
            else lt(_t, _t_2)
        )

    V["__lt"] = __lt

    def new(n):  # metatables/arithmetic_metamethods.lua:7
        _t = MetaTable(n=n)
        _t.meta = V
        return _t

    a, b = (new(1), new(2))
    lua.print(
        (
            _t_2["n"]
            if type(
                (
                    _t_2 := (
                        _t
                        if type(a) is type(b) is int and abs((_t := (a + b))) <= 9223372036854775807
                        else a + b if type(a) is type(b) is float else add(a, b)
                    )
                )
            )
            is not str
            else index(_t_2, "n")
        ),
        a == b if type(a) is type(b) is not MetaTable else eq(a, b),
        a < b if type(a) is type(b) is int else lt(a, b),
        (
            _t_4 == _t_5
            if type((_t_4 := new(3)))
            is type(
                (
                    _t_5 := (
                        _t_3
                        if type(a) is type(b) is int
                        and abs((_t_3 := (a + b))) <= 9223372036854775807
                        else a + b if type(a) is type(b) is float else add(a, b)
                    )
                )
            )
            is not MetaTable
            else eq(_t_4, _t_5)
        ),
    )
    return ()


__lua__ = LuaSource(
    "metatables/arithmetic_metamethods.lua",
    "7:1,8:2,9:3,11:4,28:5,39:6,50:7,55:8,56:9",
)
