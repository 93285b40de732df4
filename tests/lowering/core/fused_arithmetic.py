"""core/fused_arithmetic.lua as script code."""

from luac2py.runtime import LuaSource, MetaTable, Table, add, dict_get, mul
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # core/fused_arithmetic.lua

    def dot(a, b):  # core/fused_arithmetic.lua:2
        _t_3 = a["x"]
        _t_4 = b["x"]
        return (
            _t_12
            if (type(a) is MetaTable or type(a) is Table)
            and (type(b) is MetaTable or type(b) is Table)
            and (
                type((_t := dict_get(a, "y")))
                is type((_t_2 := dict_get(b, "y")))
                is type(_t_3)
                is type(_t_4)
                is int
            )
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
                            if type((_t_6 := a["y"])) is type((_t_7 := b["y"])) is int
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

    lua.print(dot(Table(x=1, y=2), Table(x=3, y=4)))
    return ()


__lua__ = LuaSource(
    "core/fused_arithmetic.lua",
    "7:1,9:2,10:3,60:5",
)
