"""tables/local_array.lua as script code."""

from luac2py.runtime import LuaSource, add, array_get, array_put, new_array
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # tables/local_array.lua

    def squares(n):  # tables/local_array.lua:2
        t = new_array()
        for i in range(1, n + 1):
            _t = i * i
            try:
                t[i] = _t
            except IndexError:
                array_put(t, i, _t)
        sum = 0
        for i_2 in range(1, n + 1):
            sum = (
                _t_3
                if type(sum)
                is type((_t_2 := (t[i_2] if i_2 < len(t) else array_get(t, i_2))))
                is int
                and abs((_t_3 := (sum + _t_2))) <= 9223372036854775807
                else sum + _t_2 if type(sum) is type(_t_2) is float else add(sum, _t_2)
            )
        return sum

    lua.print(squares(10))
    return ()


__lua__ = LuaSource(
    "tables/local_array.lua",
    "7:1,9:2,10:3,11:4,12:5,17:7,18:8,19:9,27:11,29:13",
    "i_2=i",
)
