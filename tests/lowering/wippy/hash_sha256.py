"""wippy/hash_sha256.lua as workflow code."""

from luac2py.runtime import LuaSource, Table, first


def chunk(_ENV, *varargs):  # wippy/hash_sha256.lua
    hash = first(_ENV["require"]("hash"))

    def main(text=None, *_):  # wippy/hash_sha256.lua:4
        digest, err = hash.sha256(text)
        return (digest, err)

    return Table(main=main)


__lua__ = LuaSource(
    "wippy/hash_sha256.lua",
    "6:1,7:2,9:4,10:5,11:6,13:9",
)
