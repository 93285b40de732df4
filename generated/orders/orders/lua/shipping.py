"""shipping.lua as activity code (compiled by luac2py; edit the Lua, not this file)."""

from luac2py.runtime import LuaSource, Table, concat, first, index
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # shipping.lua
    errors = first(_ENV["require"]("errors"))

    def ship(input=None, *_):  # shipping.lua:4
        address = input["address"] if type(input) is not str else index(input, "address")
        if lua.type(address) != "table" or (
            (_t := (address["country"] if type(address) is not str else index(address, "country")))
            is None
            or _t is False
        ):
            return (
                None,
                errors.new(
                    Table(
                        kind=index(errors, "INVALID"),
                        message="no shipping address for order "
                        + lua.tostring(
                            input["order_id"]
                            if type(input) is not str
                            else index(input, "order_id")
                        ),
                        retryable=False,
                    )
                ),
            )
        return Table(
            tracking_number=concat(
                "TRK-",
                input["order_id"] if type(input) is not str else index(input, "order_id"),
                "-",
                lua.string.upper(
                    address["country"] if type(address) is not str else index(address, "country")
                ),
            )
        )

    return Table(ship=ship)


__lua__ = LuaSource(
    "shipping.lua",
    "7:1,8:2,10:4,11:5,12:6,16:7,32:9,43:12",
)
