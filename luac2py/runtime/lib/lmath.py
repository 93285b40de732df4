"""Lua's math library."""

from __future__ import annotations

import math as _m

from ..table import Table
from ..values import MAXINTEGER, MININTEGER

pi = _m.pi
huge = _m.inf
maxinteger = MAXINTEGER
mininteger = MININTEGER


def floor(x=None, *_):
    return x if type(x) is int else int(_m.floor(x))


def abs(x=None, *_):  # noqa: A001
    return -x if x < 0 else x


LIB = Table()
for _name in ("pi", "huge", "maxinteger", "mininteger", "floor", "abs"):
    LIB[_name] = globals()[_name]
