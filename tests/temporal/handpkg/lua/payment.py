"""payment.lua:

local errors = require("errors")

local function charge(input)
    if not input.amount or input.amount <= 0 then
        return nil, errors.new("INVALID", "amount must be positive")
    end
    return {id = "pay-" .. input.customer, amount = input.amount}
end

local function refund(payment_id)
    return {refunded = payment_id}
end

return { charge = charge, refund = refund }
"""

from luac2py.runtime import Table, concat, index, le, truthy


# payment.lua:1
def chunk(_ENV, *varargs):
    errors = _ENV["require"]("errors")[0]

    # payment.lua:3
    def charge(input=None, *_):
        if not truthy(index(input, "amount")) or le(index(input, "amount"), 0):
            return (None, errors.new("INVALID", "amount must be positive"))
        return Table(id=concat("pay-", index(input, "customer")), amount=index(input, "amount"))

    # payment.lua:10
    def refund(payment_id=None, *_):
        return Table(refunded=payment_id)

    return Table(charge=charge, refund=refund)
