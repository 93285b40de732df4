"""Lua's table library."""

from __future__ import annotations

from ..errors import LuaError
from ..ops import first, length
from ..table import Table
from .base import tostring


def insert(t=None, *args):
    if len(args) == 1:
        t[length(t) + 1] = args[0]
    else:
        pos, v = args
        n = length(t)
        for i in range(n, pos - 1, -1):
            t[i + 1] = t[i]
        t[pos] = v
    return ()


def concat(t=None, sep="", i=1, j=None, *_):
    if j is None:
        j = length(t)
    return sep.join(t[k] if type(t[k]) is str else tostring(t[k]) for k in range(i, j + 1))


LIB = Table()
for _name in ("insert", "concat"):
    LIB[_name] = globals()[_name]
