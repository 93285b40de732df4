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
from ..values import MAXINTEGER, MININTEGER, Userdata, float_to_int, from_text, to_bytes, to_text, type_name
from .errors import INTERNAL, INVALID, ErrorObject
from .jsonschema import EmptyTable, Schema, SchemaError, compile_schema, describe
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


def to_plain(v, default=None, empty=list):
    """The JSON-ready Python value (dict/list/str/int/float/bool/None) for a
    Lua value. ``default(obj)`` handles other Python objects (or raises
    TypeError); ``empty()`` is what an empty table becomes (``[]``).
    Raises PayloadError."""
    return _plain(v, 0, set(), default, empty)


def _plain(v, depth, path, default, empty=list):
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
            out["details"] = _plain(v.details(), depth + 1, path, default, empty)
        return out
    if isinstance(v, (dict, list, tuple)):
        if id(v) in path:
            raise PayloadError("cannot encode a table that contains itself")
        if depth >= MAX_DEPTH:
            raise PayloadError(f"cannot encode tables nested deeper than {MAX_DEPTH}")
        path.add(id(v))
        try:
            if isinstance(v, dict):
                return _container(v, depth + 1, path, default, empty)
            return [_plain(x, depth + 1, path, default, empty) for x in v]
        finally:
            path.discard(id(v))
    if isinstance(v, Userdata) and hasattr(v, "lua_payload"):
        return _plain(v.lua_payload(), depth, path, default, empty)
    if isinstance(v, Userdata) or callable(v):
        raise PayloadError(f"cannot encode a {type_name(v)} value")
    if default is not None:
        try:
            return _plain(default(v), depth, path, default, empty)
        except TypeError:
            pass
    raise PayloadError(f"cannot encode a {type(v).__name__} value")


def _container(t: dict, depth, path, default, empty):
    if isinstance(t, Table) and None in dict.values(t):
        t = dict(t.fields())  # a Lua table may hold None for an absent key
    n = len(t)
    if n == 0:
        return empty()
    keys = list(dict.keys(t))
    if all(type(k) is int for k in keys):
        if min(keys) != 1 or max(keys) != n:
            raise PayloadError("cannot encode an array with holes (keys must be 1..n)")
        get = dict.__getitem__
        return [_plain(get(t, i), depth, path, default, empty) for i in range(1, n + 1)]
    if all(type(k) is str for k in keys):
        return {text(k): _plain(dict.__getitem__(t, k), depth, path, default, empty) for k in keys}
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
    """``require("json")``, every function returning exactly two values:
    ``encode(v)`` and ``decode(s)`` give ``value, nil`` or ``nil, err``;
    ``validate(schema, data)`` and ``validate_string(schema, json_text)``
    (a JSON Schema, as a table or JSON text: ``jsonschema.py``) give
    ``true, nil`` or ``false, err``. Errors are never retryable: INVALID for
    bad input and failed validation, INTERNAL for a value without a JSON
    form and malformed JSON text, as in Wippy."""

    lua_fields = frozenset({"encode", "decode", "validate", "validate_string"})

    def encode(self, v=None, *_):
        try:
            return (from_text(encode(v)), None)
        except PayloadError as e:
            return (None, ErrorObject(INTERNAL, from_text(f"encode failed: {e}"), False))

    def decode(self, s=None, *_):
        if type(s) is not str:
            return (None, ErrorObject(INVALID, f"json.decode expects a string, got {type_name(s)}", False))
        if not s:
            return (None, ErrorObject(INVALID, "empty string is not valid JSON", False))
        try:
            return (decode(to_text(s)), None)
        except (ValueError, RecursionError) as e:
            return (None, ErrorObject(INTERNAL, from_text(f"decode failed: invalid JSON: {e}"), False))

    def validate(self, schema=None, data=None, *_):
        if schema is None:
            return (False, _invalid("schema is required"))
        if data is None:
            return (False, _invalid("data is required"))
        compiled = _compiled_schema(schema)
        if type(compiled) is ErrorObject:
            return (False, compiled)
        try:
            instance = to_plain(data, empty=EmptyTable)
        except PayloadError as e:
            return (False, _invalid(f"convert data: {e}"))
        return _outcome(compiled, instance)

    def validate_string(self, schema=None, json_text=None, *_):
        if schema is None:
            return (False, _invalid("schema is required"))
        if type(json_text) is not str:
            return (False, _invalid("data must be a JSON string"))
        compiled = _compiled_schema(schema)
        if type(compiled) is ErrorObject:
            return (False, compiled)
        try:
            instance = _json.loads(to_bytes(json_text), parse_constant=_no_constant)
        except (ValueError, RecursionError) as e:
            return (False, _invalid(f"validation failed: invalid JSON: {e}"))
        return _outcome(compiled, instance)


def _invalid(message: str) -> ErrorObject:
    return ErrorObject(INVALID, from_text(message), False)


def _no_constant(name: str):
    raise ValueError(f"{name} is not JSON")


def _compiled_schema(schema):
    """The compiled schema for a table or JSON text, or an INVALID error."""
    try:
        if type(schema) is str:
            try:
                plain = _json.loads(to_bytes(schema), parse_constant=_no_constant)
            except (ValueError, RecursionError) as e:
                return _invalid(f"compile schema: invalid JSON: {e}")
            return compile_schema(plain, ("text", schema))
        if isinstance(schema, Table):
            try:
                plain = to_plain(schema, empty=EmptyTable)
            except PayloadError as e:
                return _invalid(f"schema error: {e}")
            key = ("table", _json.dumps(plain, sort_keys=True, ensure_ascii=False))
            return compile_schema(plain, key)
        return _invalid(f"schema error: schema must be a string or table, got {type_name(schema)}")
    except SchemaError as e:
        return _invalid(f"compile schema: {e}")


def _outcome(compiled: Schema, instance):
    try:
        errors = compiled.errors(instance)
    except SchemaError as e:
        return (False, _invalid(f"compile schema: {e}"))
    if not errors:
        return (True, None)
    return (False, _invalid(f"validation failed: {describe(errors)}"))


JSON = JsonModule()
