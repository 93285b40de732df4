"""wippy/uuid_v4.lua as workflow code."""

from luac2py.runtime import LuaSource, Table, first


def chunk(_ENV, *varargs):  # wippy/uuid_v4.lua
    uuid = first(_ENV["require"]("uuid"))

    def main(*_):  # wippy/uuid_v4.lua:4
        id, err = uuid.v4()
        return (id, err)

    return Table(main=main)


__lua__ = LuaSource(
    "wippy/uuid_v4.lua",
    "6:1,7:2,9:4,10:5,11:6,13:9",
)
