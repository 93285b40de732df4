"""Lua's string library, on Lua strings held as one-char-per-byte ``str``."""

from __future__ import annotations

from ..errors import LuaError
from ..table import Table
from ..values import number_to_str, type_name


def _str_arg(v, n, fname):
    t = type(v)
    if t is str:
        return v
    if t is int or t is float:
        return number_to_str(v)
    got = "no value" if v is None else type_name(v)
    raise LuaError.at_caller(f"bad argument #{n} to '{fname}' (string expected, got {got})")


def len(s=None, *_):  # noqa: A001
    return __builtins__["len"](_str_arg(s, 1, "len")) if isinstance(__builtins__, dict) else __builtins__.len(_str_arg(s, 1, "len"))


def upper(s=None, *_):
    return _str_arg(s, 1, "upper").upper() if _str_arg(s, 1, "upper").isascii() else _str_arg(s, 1, "upper")


def lower(s=None, *_):
    return _str_arg(s, 1, "lower").lower() if _str_arg(s, 1, "lower").isascii() else _str_arg(s, 1, "lower")


def rep(s=None, n=None, sep="", *_):
    s = _str_arg(s, 1, "rep")
    if n <= 0:
        return ""
    return (s + sep) * (n - 1) + s


def format(fmt=None, *args):  # noqa: A001
    fmt = _str_arg(fmt, 1, "format")
    return fmt % args


STRING = Table()
for _name in ("len", "upper", "lower", "rep", "format"):
    STRING[_name] = globals()[_name]
STRING_META = Table(fields={"__index": STRING})
LIB = STRING
