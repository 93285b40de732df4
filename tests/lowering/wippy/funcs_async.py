"""wippy/funcs_async.lua as workflow code."""

from luac2py.runtime import LuaSource, Table, ainvoke, first, truthy


def chunk(_ENV, *varargs):  # wippy/funcs_async.lua
    funcs = first(_ENV["require"]("funcs"))

    async def main(items=None, *_):  # wippy/funcs_async.lua:5
        future, err = funcs.async_("shop:index", items)
        if truthy(err):
            return (None, err)
        payload = first(await ainvoke(first(await ainvoke(future, "response")), "receive"))
        return await ainvoke(payload, "data")

    return Table(main=main)


__lua__ = LuaSource(
    "wippy/funcs_async.lua",
    "6:1,7:3,9:5,10:6,11:7,12:8,13:10,14:11,16:14",
)
