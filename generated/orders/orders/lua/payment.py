"""payment.lua as activity code (compiled by luac2py; edit the Lua, not this file)."""

from luac2py.runtime import LuaSource, Table, first, index, le
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # payment.lua
    errors = first(_ENV["require"]("errors"))

    def charge(input=None, *_):  # payment.lua:4
        if (lua.type(input) != "table" or lua.type(input["amount"]) != "number") or le(
            input["amount"], 0
        ):
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
                _t if (_t := input["customer"]) is not None and _t is not False else "anon",
                input["amount"],
            ),
            amount=input["amount"],
        )

    def refund(payment_id=None, *_):  # payment.lua:11
        return Table(refunded=payment_id)

    return Table(charge=charge, refund=refund)


__lua__ = LuaSource(
    "payment.lua",
    "7:1,8:2,10:4,11:5,14:6,24:8,33:11,34:12,36:15",
)
