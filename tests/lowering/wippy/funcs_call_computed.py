"""wippy/funcs_call_computed.lua as workflow code."""

from luac2py.runtime import LuaSource, Table, concat, first, index


def chunk(_ENV, *varargs):  # wippy/funcs_call_computed.lua
    funcs = first(_ENV["require"]("funcs"))

    async def main(input=None, *_):  # wippy/funcs_call_computed.lua:4
        id = f"shop:{_t}" if type((_t := index(input, "step"))) is str else concat("shop:", _t)
        result, err = await funcs.call(id, index(input, "args"))
        return (result, err)

    return Table(main=main)


__lua__ = LuaSource(
    "wippy/funcs_call_computed.lua",
    "6:1,7:2,9:4,10:5,11:6,12:7,14:10",
)
