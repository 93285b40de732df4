"""metatables/open_class.lua as script code."""

from luac2py.runtime import (
    LuaSource,
    MetaTable,
    Table,
    add,
    dict_get,
    first,
    index,
    method,
    mul,
    newindex,
    spread,
)
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # metatables/open_class.lua
    Point = Table()
    if type(Point) is MetaTable and "__index" not in Point:
        Point.set("__index", Point)
    else:
        Point["__index"] = Point

    def new(x=None, y=None, *_):  # metatables/open_class.lua:5
        return lua.new_object(MetaTable(x=x, y=y), Point, x is None or y is None)

    (newindex(Point) if type(Point) is MetaTable else Point)["new"] = new

    def len2(self=None, *_):  # metatables/open_class.lua:9
        _t_3 = self["x"] if type(self) is not str else index(self, "x")
        _t_4 = self["x"] if type(self) is not str else index(self, "x")
        return (
            _t_12
            if (type(self) is MetaTable or type(self) is Table)
            and type((_t := dict_get(self, "y")))
            is type((_t_2 := dict_get(self, "y")))
            is type(_t_3)
            is type(_t_4)
            is int
            and (abs((_t_12 := (_t_3 * _t_4 + _t * _t_2))) <= 9223372036854775807)
            else (
                _t_11
                if type(
                    (
                        _t_9 := (
                            _t_5
                            if type(_t_3) is type(_t_4) is int
                            and abs((_t_5 := (_t_3 * _t_4))) <= 9223372036854775807
                            else (
                                _t_3 * _t_4
                                if type(_t_3) is type(_t_4) is float
                                else mul(_t_3, _t_4)
                            )
                        )
                    )
                )
                is type(
                    (
                        _t_10 := (
                            _t_8
                            if type(
                                (_t_6 := (self["y"] if type(self) is not str else index(self, "y")))
                            )
                            is type(
                                (_t_7 := (self["y"] if type(self) is not str else index(self, "y")))
                            )
                            is int
                            and abs((_t_8 := (_t_6 * _t_7))) <= 9223372036854775807
                            else (
                                _t_6 * _t_7
                                if type(_t_6) is type(_t_7) is float
                                else mul(_t_6, _t_7)
                            )
                        )
                    )
                )
                is int
                and abs((_t_11 := (_t_9 + _t_10))) <= 9223372036854775807
                else _t_9 + _t_10 if type(_t_9) is type(_t_10) is float else add(_t_9, _t_10)
            )
        )

    (newindex(Point) if type(Point) is MetaTable else Point)["len2"] = len2
    lua.print(*spread(method((_t := first(Point["new"](3, 4))), "len2")(_t)))
    return Point


__lua__ = LuaSource(
    "metatables/open_class.lua",
    "19:1,20:2,21:3,26:5,27:6,31:9,32:10,86:13,87:14",
)
