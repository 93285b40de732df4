"""inventory.lua as activity code (compiled by luac2py; edit the Lua, not this file)."""

from luac2py.runtime import LuaSource, Table, eq, first, index, length
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # inventory.lua
    errors = first(_ENV["require"]("errors"))

    def reserve(items=None, *_):  # inventory.lua:4
        if lua.type(items) != "table" or eq(length(items), 0):
            return (
                None,
                errors.new(
                    Table(
                        kind=index(errors, "INVALID"),
                        message="no items to reserve",
                        retryable=False,
                    )
                ),
            )
        return Table(id="res-" + lua.table.concat(items, "+"), count=length(items))

    def release(reservation_id=None, *_):  # inventory.lua:11
        return Table(released=reservation_id)

    return Table(reserve=reserve, release=release)


__lua__ = LuaSource(
    "inventory.lua",
    "7:1,8:2,10:4,11:5,12:6,22:8,24:11,25:12,27:15",
)
