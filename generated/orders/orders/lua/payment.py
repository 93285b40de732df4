"""payment.lua as activity code (compiled by luac2py; edit the Lua, not this file)."""

from luac2py.runtime import LuaSource, Table, first, index, le
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # payment.lua
    errors = first(_ENV["require"]("errors"))

    def charge(input=None, *_):  # payment.lua:4
        if (
            lua.type(input) != "table"
            or lua.type(input["amount"] if type(input) is not str else index(input, "amount"))
            != "number"
        ) or le(input["amount"] if type(input) is not str else index(input, "amount"), 0):
            return (
                None,
                errors.new(
                    Table(
                        kind=index(errors, "INVALID"),
                        message="amount must be positive",
                        retryable=False,
                    )
                ),
            )
        return Table(
            id=lua.string.format(
                "pay-%s-%d",
                (
                    _t
                    if (
                        _t := (
                            input["customer"]
                            if type(input) is not str
                            else index(input, "customer")
                        )
                    )
                    is not None
                    and _t is not False
                    else "anon"
                ),
                input["amount"] if type(input) is not str else index(input, "amount"),
            ),
            amount=input["amount"] if type(input) is not str else index(input, "amount"),
        )

    def refund(payment_id=None, *_):  # payment.lua:11
        return Table(refunded=payment_id)

    return Table(charge=charge, refund=refund)


__lua__ = LuaSource(
    "payment.lua",
    "7:1,8:2,10:4,11:6,12:5,16:6,26:8,47:11,48:12,50:15",
)
