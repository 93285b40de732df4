"""wippy/base64_encode_decode.lua as workflow code."""

from luac2py.runtime import LuaSource, MetaTable, Table, eq, first


def chunk(_ENV, *varargs):  # wippy/base64_encode_decode.lua
    base64 = first(_ENV["require"]("base64"))

    def main(text=None, *_):  # wippy/base64_encode_decode.lua:4
        encoded = base64.encode(text)
        decoded, err = base64.decode(encoded)
        return (
            decoded == text if type(decoded) is type(text) is not MetaTable else eq(decoded, text),
            err,
        )

    return Table(main=main)


__lua__ = LuaSource(
    "wippy/base64_encode_decode.lua",
    "6:1,7:2,9:4,10:5,11:6,12:7,17:10",
)
