"""Lua values <-> JSON, with Wippy's rules (below), and the
``json`` module. The Temporal payload converter uses the same codec.

Lua -> JSON: integers as integers, whole floats without a fraction, NaN/Inf as
null; a table with keys exactly 1..n is an array, a table with string keys an
object, an empty table ``[]``; other keys, holes, depth over 128 or a cycle are
errors. JSON -> Lua: numbers without '.'/exponent are integers, arrays are
1-based tables, strings are Lua strings of UTF-8 bytes."""

from __future__ import annotations

import json as _json
import math

from ..table import BoolKey, MetaTable, Table
from ..values import MAXINTEGER, MININTEGER, Userdata, float_to_int, from_text, to_text, type_name
from .errors import INVALID, ErrorObject
from .module import Module

MAX_DEPTH = 128


class PayloadError(ValueError):
    """A value that has no JSON form (mixed keys, holes, cycles, functions)."""


def text(s: str) -> str:
    """A Lua string as JSON text. Bytes that are not UTF-8 become U+FFFD, as
    Go's encoding/json does; a str that already holds non-Latin-1 characters
    (Python text reaching the converter) is taken as text."""
    if s.isascii():
        return s
    try:
        raw = s.encode("latin-1")
    except UnicodeEncodeError:
        return s
    return raw.decode("utf-8", "replace")


def to_plain(v, default=None):
    """The JSON-ready Python value (dict/list/str/int/float/bool/None) for a
    Lua value. ``default(obj)`` handles other Python objects (or raises
    TypeError). Raises PayloadError."""
    return _plain(v, 0, set(), default)


def _plain(v, depth, path, default):
    t = type(v)
    if v is None or t is bool or t is int:
        return v
    if t is float:
        if math.isnan(v) or math.isinf(v):
            return None
        i = float_to_int(v)
        return v if i is None else i
    if t is str:
        return text(v)
    if t is ErrorObject:
        out = {"kind": v.kind(), "message": text(v.message())}
        if v.retryable() is not None:
            out["retryable"] = v.retryable()
        if v.details() is not None:
            out["details"] = _plain(v.details(), depth + 1, path, default)
        return out
    if isinstance(v, (dict, list, tuple)):
        if id(v) in path:
            raise PayloadError("cannot encode a table that contains itself")
        if depth >= MAX_DEPTH:
            raise PayloadError(f"cannot encode tables nested deeper than {MAX_DEPTH}")
        path.add(id(v))
        try:
            if isinstance(v, dict):
                return _container(v, depth + 1, path, default)
            return [_plain(x, depth + 1, path, default) for x in v]
        finally:
            path.discard(id(v))
    if isinstance(v, Userdata) and hasattr(v, "lua_payload"):
        return _plain(v.lua_payload(), depth, path, default)
    if isinstance(v, Userdata) or callable(v):
        raise PayloadError(f"cannot encode a {type_name(v)} value")
    if default is not None:
        try:
            return _plain(default(v), depth, path, default)
        except TypeError:
            pass
    raise PayloadError(f"cannot encode a {type(v).__name__} value")


def _container(t: dict, depth, path, default):
    if isinstance(t, Table) and None in dict.values(t):
        t = dict(t.fields())  # a Lua table may hold None for an absent key
    n = len(t)
    if n == 0:
        return []
    keys = list(dict.keys(t))
    if all(type(k) is int for k in keys):
        if min(keys) != 1 or max(keys) != n:
            raise PayloadError("cannot encode an array with holes (keys must be 1..n)")
        get = dict.__getitem__
        return [_plain(get(t, i), depth, path, default) for i in range(1, n + 1)]
    if all(type(k) is str for k in keys):
        return {text(k): _plain(dict.__getitem__(t, k), depth, path, default) for k in keys}
    if any(type(k) is str for k in keys) and any(type(k) is int for k in keys):
        raise PayloadError("cannot encode a table with both integer and string keys")
    bad = next(k for k in keys if type(k) not in (int, str))
    kind = "boolean" if type(bad) is BoolKey else type_name(bad)
    raise PayloadError(f"cannot encode a table with {kind} keys")


def encode(v, default=None) -> str:
    """Compact JSON text (Python str) for a Lua value; object keys sorted."""
    return _json.dumps(to_plain(v, default), ensure_ascii=False, separators=(",", ":"), sort_keys=True, allow_nan=False)


def _parse_int(s: str):
    n = int(s)
    return n if MININTEGER <= n <= MAXINTEGER else float(s)


def decode(data) -> object:
    """The Lua value for JSON text or UTF-8 bytes. Raises ValueError."""
    return to_lua(_json.loads(data, parse_int=_parse_int))


def to_lua(v):
    """A plain Python value (from ``json.loads``, a Python caller) as a Lua value.
    Tables and error objects are returned as they are."""
    t = type(v)
    if t is str:
        return from_text(v)
    if v is None or t is bool or t is float or t is Table or t is MetaTable or t is ErrorObject:
        return v
    if t is int:
        return v if MININTEGER <= v <= MAXINTEGER else float(v)
    if isinstance(v, dict):
        return Table.of((), {(from_text(k) if type(k) is str else k): to_lua(x) for k, x in v.items()})
    if isinstance(v, (list, tuple)):
        return Table.of([to_lua(x) for x in v])
    if isinstance(v, (bytes, bytearray)):
        return bytes(v).decode("latin-1")
    return v


def to_python(v):
    """A Lua value as plain Python data: strings as text, tables as lists
    (keys 1..n, or empty) or dicts, error objects as dicts."""
    t = type(v)
    if t is str:
        return to_text(v)
    if t is Table or t is MetaTable:
        fields = dict(v.fields())
        n = len(fields)
        keys = list(fields)
        if all(type(k) is int for k in keys) and (n == 0 or (min(keys) == 1 and max(keys) == n)):
            return [to_python(fields[i]) for i in range(1, n + 1)]
        return {_py_key(k): to_python(x) for k, x in fields.items()}
    if t is ErrorObject:
        return {
            "kind": v.kind(),
            "message": to_text(v.message()),
            "retryable": v.retryable(),
            "details": to_python(v.details()),
        }
    return v


def _py_key(k):
    if type(k) is BoolKey:
        return k.value
    return to_text(k) if type(k) is str else k


class JsonModule(Module):
    """``require("json")``: ``encode(v)`` and ``decode(s)`` return exactly two
    values, ``value, nil`` or ``nil, err``."""

    lua_fields = frozenset({"encode", "decode"})

    def encode(self, v=None, *_):
        try:
            return (from_text(encode(v)), None)
        except PayloadError as e:
            return (None, ErrorObject(INVALID, str(e), False))

    def decode(self, s=None, *_):
        if type(s) is not str:
            return (None, ErrorObject(INVALID, f"json.decode expects a string, got {type_name(s)}", False))
        try:
            return (decode(to_text(s)), None)
        except (ValueError, RecursionError) as e:
            return (None, ErrorObject(INVALID, from_text(f"invalid JSON: {e}"), False))


JSON = JsonModule()
