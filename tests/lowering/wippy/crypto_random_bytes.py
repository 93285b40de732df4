"""wippy/crypto_random_bytes.lua as workflow code."""

from luac2py.runtime import LuaSource, Table, first, length, truthy


def chunk(_ENV, *varargs):  # wippy/crypto_random_bytes.lua
    crypto = first(_ENV["require"]("crypto"))

    def main(*_):  # wippy/crypto_random_bytes.lua:4
        nonce, err = crypto.random_bytes(16)
        if truthy(err):
            return (None, err)
        return length(nonce)

    return Table(main=main)


__lua__ = LuaSource(
    "wippy/crypto_random_bytes.lua",
    "6:1,7:2,9:4,10:5,11:6,12:7,13:9,15:12",
)
