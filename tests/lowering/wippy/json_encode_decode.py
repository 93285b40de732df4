"""wippy/json_encode_decode.lua as workflow code."""

from luac2py.runtime import LuaSource, Table, first, index, truthy


def chunk(_ENV, *varargs):  # wippy/json_encode_decode.lua
    json = first(_ENV["require"]("json"))

    def main(order=None, *_):  # wippy/json_encode_decode.lua:4
        text, err = json.encode(Table(id=index(order, "id"), items=index(order, "items")))
        if truthy(err):
            return (None, err)
        back = first(json.decode(text))
        return index(back, "id")

    return Table(main=main)


__lua__ = LuaSource(
    "wippy/json_encode_decode.lua",
    "6:1,7:2,9:4,10:5,11:6,12:7,13:9,14:10,16:13",
)
