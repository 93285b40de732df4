"""metatables/open_class.lua as script code."""

from luac2py.runtime import LuaSource, MetaTable, Table, add, first, index, method, newindex
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

    def moved(self=None, dx=None, *_):  # metatables/open_class.lua:9
        return Point["new"](
            (
                _t_2
                if type((_t := (self["x"] if type(self) is not str else index(self, "x"))))
                is type(dx)
                is int
                and abs((_t_2 := (_t + dx))) <= 9223372036854775807
                else _t + dx if type(_t) is type(dx) is float else add(_t, dx)
            ),
            self["y"] if type(self) is not str else index(self, "y"),
        )

    (newindex(Point) if type(Point) is MetaTable else Point)["moved"] = moved
    lua.print(
        _t_2["x"]
        if type((_t_2 := first(method((_t := first(Point["new"](3, 4))), "moved")(_t, 1))))
        is not str
        else index(_t_2, "x")
    )
    return Point


__lua__ = LuaSource(
    "metatables/open_class.lua",
    "7:1,8:2,9:3,14:5,15:6,19:9,20:10,33:13,39:14",
)
