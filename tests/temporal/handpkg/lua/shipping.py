"""shipping.lua:

local function ship(input)
    if not input.address then
        return nil, errors.new({kind = errors.INVALID, message = "no shipping address", retryable = false})
    end
    return {tracking_number = "TRK-" .. input.order_id}
end

return ship
"""

from luac2py.runtime import Table, concat, index, truthy


# shipping.lua:1
def chunk(_ENV, *varargs):
    # shipping.lua:1
    def ship(input=None, *_):
        if not truthy(index(input, "address")):
            errors = _ENV["errors"]
            return (
                None,
                index(errors, "new")(
                    Table(kind=index(errors, "INVALID"), message="no shipping address", retryable=False)
                ),
            )
        return Table(tracking_number=concat("TRK-", index(input, "order_id")))

    return ship
