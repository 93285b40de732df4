"""Lua value basics: type names, number formatting and string->number conversion.

Representation (fixed for the whole compiler, see README "Value model"):
nil=None, boolean=bool, integer=int (64-bit, wrapped by the operators),
float=float, string=str with one character per byte (code points 0-255),
table=Table, function=any Python callable, others=Userdata subclasses.
"""

from __future__ import annotations

import math
from types import BuiltinFunctionType, CoroutineType, FunctionType, MethodType

from .table import MetaTable, Table

from ..common import MAXINTEGER, MININTEGER, str_to_number, wrap  # noqa: F401  (re-exported)


class _NoValue:
    """An argument that was not given at all, which Lua's library functions
    tell apart from an explicit nil (``bad argument #1 to 'f' (value
    expected)``, ``select('#')``)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "NOVALUE"


NOVALUE = _NoValue()


class Cell:
    """A variable shared by closures and fresh per loop iteration."""

    __slots__ = ("v",)

    def __init__(self, v=None):
        self.v = v


class Userdata:
    """Base of runtime objects exposed to Lua (error objects, channels, ...).

    Subclasses answer ``lua_index(key)`` for ``obj.key`` and ``obj:key(...)``
    (``lua_method(key)`` for the latter, when a name means something else as
    a method); ``lua_name`` is the type name ``tostring`` shows."""

    lua_name = "userdata"

    def lua_index(self, key):
        return None

    def lua_method(self, key):
        return self.lua_index(key)

    def lua_tostring(self) -> str:
        return f"{self.lua_name}: 0x{id(self):08x}"

    def __getitem__(self, key):
        # `obj.field` in generated code is a subscript.
        return self.lua_index(key)


_FUNCTION_TYPES = (FunctionType, BuiltinFunctionType, MethodType)

# Metatables of whole types other than table, string and userdata, set by
# ``debug.setmetatable(10, mt)``: type name -> metatable.
TYPE_META: dict = {}


def obj_type_name(v) -> str:
    """The type name an error message shows (``luaT_objtypename``): a string
    ``__name`` in a table's or userdata's metatable wins."""
    t = type(v)
    if t is Table:
        return "table"
    if t is MetaTable:
        name = dict.get(v.meta, "__name")
        return name if type(name) is str else "table"
    if isinstance(v, Userdata):
        meta = getattr(v, "lua_meta", None)
        name = dict.get(meta, "__name") if meta is not None else None
        if type(name) is str:
            return name
        return v.lua_name
    return type_name(v)


def type_name(v) -> str:
    if v is None:
        return "nil"
    t = type(v)
    if t is bool:
        return "boolean"
    if t is int or t is float:
        return "number"
    if t is str:
        return "string"
    if t is Table or t is MetaTable:
        return "table"
    if t in _FUNCTION_TYPES or t is CoroutineType:
        return "function"
    if getattr(t, "lua_name", None) == "thread":
        return "thread"
    if callable(v) and not isinstance(v, Userdata):
        return "function"
    return "userdata"


def fmt_float(x: float) -> str:
    """``%.14g`` as Lua 5.4 prints floats (``1.0``, ``1e+15``, ``-nan``, ``inf``)."""
    if x != x:
        # x86 C prints the default NaN (0/0) as "-nan".
        return "-nan" if math.copysign(1.0, x) < 0 else "nan"
    if x == math.inf:
        return "inf"
    if x == -math.inf:
        return "-inf"
    s = "%.14g" % x
    if "." in s or "e" in s or "n" in s or "i" in s:
        return s
    return s + ".0"


def number_to_str(v) -> str:
    if type(v) is int:
        return str(v)
    return fmt_float(v)


def float_to_int(x: float):
    """The integer with the same value as float ``x``, or None."""
    if x.is_integer() and -9.3e18 < x < 9.3e18:
        n = int(x)
        if MININTEGER <= n <= MAXINTEGER:
            return n
    return None


def to_integer(v):
    """Lua's tointeger for numbers and numeric strings (None when not exact)."""
    t = type(v)
    if t is int:
        return v
    if t is float:
        return float_to_int(v)
    if t is str:
        n = str_to_number(v)
        if n is None:
            return None
        return to_integer(n)
    return None


def to_bytes(s: str) -> bytes:
    """A Lua string as the bytes it stands for."""
    return s.encode("latin-1")


def from_bytes(b: bytes) -> str:
    return b.decode("latin-1")


def from_text(text: str) -> str:
    """Unicode text (JSON, payloads, Python strings) as a Lua string of UTF-8 bytes."""
    if text.isascii():
        return text
    return text.encode("utf-8", "surrogateescape").decode("latin-1")


def to_text(s: str) -> str:
    """A Lua string as Unicode text, its bytes read as UTF-8."""
    if s.isascii():
        return s
    return s.encode("latin-1").decode("utf-8", "surrogateescape")
