"""wippy/funcs_async.lua as workflow code."""

from luac2py.runtime import LuaSource, Table, adjust, ainvoke, first


def chunk(_ENV, *varargs):  # wippy/funcs_async.lua
    funcs = first(_ENV["require"]("funcs"))

    async def main(items=None, *_):  # wippy/funcs_async.lua:4
        future = funcs.async_("shop:index", items)
        result, err = adjust(await ainvoke(future, "result"), 2)
        return (result, err)

    return Table(main=main)


__lua__ = LuaSource(
    "wippy/funcs_async.lua",
    "6:1,7:2,9:4,10:5,11:6,12:7,14:10",
)
