"""Wippy's payloads: the ``payload`` global (``payload.new(v)``,
``payload.format.*``) and the payload objects it makes, which are also what
``msg:payload()`` and a future's result give.

A payload is data in a format. ``payload.new(v)`` (and every payload this
runtime hands to Lua) holds a Lua value in ``lua/any``; an error value makes a
``golang/error`` payload. ``p:data()`` / ``p:unmarshal()`` give the Lua value
(transcoding first when the payload is in another format), ``p:transcode(f)``
gives a payload in format ``f``, ``p:get_format()`` its format, and
``tostring(p)`` is ``payload{format=...}``.

Transcoding goes through the Lua form: ``lua/any`` to and from ``json/plain``
(Wippy's JSON rules, ``json.py``), ``yaml/plain``, ``text/plain`` and
``application/octet-stream`` (Go's ``%v`` text of the value),
``application/msgpack`` and ``golang/any`` (plain Python data); a
``golang/error`` payload reads as its error value. Encoded data is held as a
Lua string. A failed transcoding is ``nil, err`` with an INTERNAL, not
retryable error, as in Wippy; a non-string format is a raised bad argument.
Everything here is deterministic, so workflows may use it."""

from __future__ import annotations

import datetime as _dt
import math
import struct
from decimal import Decimal

try:  # PyYAML comes with the compiler; a generated package may run without it (no YAML format then)
    import yaml
except ImportError:  # pragma: no cover
    yaml = None

from ..errors import LuaError
from ..table import Table
from ..values import NOVALUE, from_text, to_bytes, to_text, type_name
from . import json as luajson
from .errors import INTERNAL, ErrorObject
from .module import LuaObject, Module

JSON = "json/plain"
YAML = "yaml/plain"
STRING = "text/plain"
BYTES = "application/octet-stream"
MSGPACK = "application/msgpack"
LUA = "lua/any"
GOLANG = "golang/any"
ERROR = "golang/error"
LUA_FORMAT = LUA  # the name older code imports


class TranscodeError(ValueError):
    """Data that cannot be brought into the format asked for."""


class Payload(LuaObject):
    """A value in a format (``lua/any`` unless said otherwise)."""

    __slots__ = ("value", "format")
    lua_name = "payload"
    lua_methods = frozenset({"data", "unmarshal", "get_format", "transcode"})

    def __init__(self, value, format: str = LUA):  # noqa: A002  (Wippy's word)
        self.value = value
        self.format = format

    def data(self, *_):
        """The Lua value: ``value``, or ``nil, err`` when it cannot be transcoded."""
        if self.format == LUA:
            return self.value
        try:
            return to_lua_value(self.value, self.format)
        except TranscodeError as e:
            return (None, ErrorObject(INTERNAL, from_text(f"transcode failed: {e}"), False))

    def unmarshal(self, *_):
        if self.format == LUA:
            return self.value
        try:
            return to_lua_value(self.value, self.format)
        except TranscodeError as e:
            return (None, ErrorObject(INTERNAL, from_text(f"unmarshal failed: {e}"), False))

    def get_format(self, *_):
        return self.format

    def transcode(self, target=NOVALUE, *_):
        """``payload, nil`` in format ``target``, or ``nil, err``."""
        if type(target) is not str:
            got = "no value" if target is NOVALUE else type_name(target)
            raise LuaError.bad_argument(2, "transcode", f"string expected, got {got}")
        try:
            return (Payload(*transcode(self.value, self.format, target)), None)
        except TranscodeError as e:
            return (None, ErrorObject(INTERNAL, from_text(f"transcode failed: {e}"), False))

    def lua_payload(self):
        """The Lua value, for the JSON codec (a payload sent or returned)."""
        if self.format == LUA:
            return self.value
        try:
            return to_lua_value(self.value, self.format)
        except TranscodeError as e:
            raise luajson.PayloadError(str(e)) from None

    def lua_tostring(self) -> str:
        return f"payload{{format={self.format}}}"

    def __repr__(self):
        return f"Payload({self.value!r}, {self.format!r})"


class FormatConstants(Module):
    """``payload.format``: the format names, read-only."""

    lua_fields = frozenset({"JSON", "YAML", "STRING", "BYTES", "MSGPACK", "LUA", "GOLANG", "ERROR"})
    JSON, YAML, STRING, BYTES, MSGPACK, LUA, GOLANG, ERROR = JSON, YAML, STRING, BYTES, MSGPACK, LUA, GOLANG, ERROR


class PayloadModule(Module):
    """The ``payload`` global: ``new(v)`` and ``format``."""

    lua_fields = frozenset({"new", "format"})
    format = FormatConstants()  # noqa: A003

    def new(self, value=None, *_):
        if type(value) is ErrorObject:
            return Payload(value, ERROR)
        return Payload(value, LUA)


PAYLOAD = PayloadModule()


# --- transcoding ----------------------------------------------------------------------
def transcode(data, source: str, target: str) -> tuple:
    """``(data, target)`` for ``data`` in format ``source``. Raises TranscodeError."""
    if source == target:
        return data, target
    if target not in _FROM_LUA and target != LUA:
        raise TranscodeError(f"no transcoder from {source} to {target}")
    value = data if source == LUA else to_lua_value(data, source)
    if target == LUA:
        return value, LUA
    return _FROM_LUA[target](value), target


def to_lua_value(data, source: str):
    """The Lua value for ``data`` in format ``source``. Raises TranscodeError."""
    if source == LUA:
        return data
    reader = _TO_LUA.get(source)
    if reader is None:
        raise TranscodeError(f"no transcoder from {source} to {LUA}")
    return reader(data)


def _plain(value, empty=list):
    try:
        return luajson.to_plain(value, empty=empty)
    except luajson.PayloadError as e:
        raise TranscodeError(str(e)) from None


def _lua_to_json(value) -> str:
    try:
        return from_text(luajson.encode(value))
    except luajson.PayloadError as e:
        raise TranscodeError(f"failed to encode to JSON: {e}") from None


def _json_to_lua(data):
    if type(data) is not str:
        raise TranscodeError(f"JSON data must be a string, got {type_name(data)}")
    try:
        return luajson.decode(to_bytes(data))
    except (ValueError, RecursionError) as e:
        raise TranscodeError(f"failed to decode JSON: {e}") from None


def _need_yaml() -> None:
    if yaml is None:
        raise TranscodeError("the yaml/plain format needs PyYAML, which is not installed")


def _lua_to_yaml(value) -> str:
    _need_yaml()
    text = yaml.safe_dump(_plain(value), sort_keys=True, allow_unicode=True, default_flow_style=False)
    if text.endswith("\n...\n"):
        text = text[:-4]  # a lone scalar: no document end marker, as Go writes it
    return from_text(text)


def _yaml_to_lua(data):
    if type(data) is not str:
        raise TranscodeError(f"YAML data must be a string, got {type_name(data)}")
    _need_yaml()
    try:
        loaded = yaml.safe_load(to_text(data))
    except yaml.YAMLError as e:
        raise TranscodeError(f"failed to decode YAML: {e}") from None
    return luajson.to_lua(_yaml_plain(loaded))


def _yaml_plain(v):
    """YAML data as JSON-like Python data: dates as text, other keys as text."""
    if isinstance(v, dict):
        return {(k if type(k) in (str, int) else _yaml_key(k)): _yaml_plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_yaml_plain(x) for x in v]
    if isinstance(v, (_dt.date, _dt.datetime)):
        return v.isoformat()
    if isinstance(v, (bytes, bytearray)):
        return bytes(v).decode("latin-1")
    if isinstance(v, set):
        return [_yaml_plain(x) for x in sorted(v, key=repr)]
    return v


def _yaml_key(k) -> str:
    if type(k) is bool:
        return "true" if k else "false"
    if k is None:
        return "null"
    if type(k) is float:
        return go_float(k)
    return str(_yaml_plain(k))


def _lua_to_text(value) -> str:
    """Go's ``fmt.Sprintf("%v")`` of the value, as Wippy's Lua => String."""
    if value is None:
        return ""
    if type(value) is str:
        return value
    return from_text(_go_text(_plain_for_text(value)))


def _plain_for_text(value):
    if type(value) is ErrorObject:
        return to_text(value.message())
    if isinstance(value, Table):
        return _plain(value)
    return value


def _go_text(v) -> str:
    if v is None:
        return "<nil>"
    t = type(v)
    if t is bool:
        return "true" if v else "false"
    if t is int:
        return str(v)
    if t is float:
        return go_float(v)
    if t is str:
        return v
    if t is list:
        return "[" + " ".join(_go_text(x) for x in v) + "]"
    if isinstance(v, dict):
        return "map[" + " ".join(f"{k}:{_go_text(v[k])}" for k in sorted(v)) + "]"
    from ..lib.base import tostring

    return to_text(tostring(v))


def go_float(f: float) -> str:
    """Go's ``%v`` of a float64: the shortest digits, exponent form below 1e-4
    or from 1e6 (``123.456``, ``123456``, ``1e+06``, ``1e-05``, ``+Inf``, ``NaN``)."""
    if f != f:
        return "NaN"
    if math.isinf(f):
        return "+Inf" if f > 0 else "-Inf"
    if f == 0:
        return "-0" if math.copysign(1.0, f) < 0 else "0"
    sign, digits, exponent = Decimal(repr(f)).normalize().as_tuple()
    ds = "".join(map(str, digits))
    nd = len(ds)
    point = nd + exponent  # digits before the decimal point
    exp = point - 1
    out = "-" if sign else ""
    if exp < -4 or exp >= 6:
        mant = ds[0] + ("." + ds[1:] if nd > 1 else "")
        return f"{out}{mant}e{'-' if exp < 0 else '+'}{abs(exp):02d}"
    if point <= 0:
        return f"{out}0.{'0' * -point}{ds}"
    if point >= nd:
        return out + ds + "0" * (point - nd)
    return f"{out}{ds[:point]}.{ds[point:]}"


def _text_to_lua(data):
    if type(data) is not str:
        raise TranscodeError(f"text data must be a string, got {type_name(data)}")
    return data


def _lua_to_golang(value):
    return luajson.to_python(value)


def _golang_to_lua(data):
    return luajson.to_lua(data)


def _error_to_lua(data):
    return data


# --- MessagePack (the subset JSON-like data needs) -------------------------------------------
def msgpack_encode(v) -> bytes:
    """MessagePack bytes for plain data (None, bool, int, float, str, list, dict)."""
    out = bytearray()
    _pack(v, out)
    return bytes(out)


def _pack(v, out: bytearray) -> None:
    t = type(v)
    if v is None:
        out.append(0xC0)
    elif t is bool:
        out.append(0xC3 if v else 0xC2)
    elif t is int:
        if 0 <= v < 0x80:
            out.append(v)
        elif -32 <= v < 0:
            out.append(v & 0xFF)
        elif 0 <= v <= 0xFF:
            out += b"\xcc" + struct.pack(">B", v)
        elif 0 <= v <= 0xFFFF:
            out += b"\xcd" + struct.pack(">H", v)
        elif 0 <= v <= 0xFFFFFFFF:
            out += b"\xce" + struct.pack(">I", v)
        elif 0 <= v <= 0xFFFFFFFFFFFFFFFF:
            out += b"\xcf" + struct.pack(">Q", v)
        elif -0x80 <= v:
            out += b"\xd0" + struct.pack(">b", v)
        elif -0x8000 <= v:
            out += b"\xd1" + struct.pack(">h", v)
        elif -0x80000000 <= v:
            out += b"\xd2" + struct.pack(">i", v)
        elif -0x8000000000000000 <= v:
            out += b"\xd3" + struct.pack(">q", v)
        else:
            raise TranscodeError(f"integer {v} is too large for MessagePack")
    elif t is float:
        out += b"\xcb" + struct.pack(">d", v)
    elif t is str:
        raw = v.encode("utf-8", "surrogateescape")
        n = len(raw)
        if n < 32:
            out.append(0xA0 | n)
        elif n <= 0xFF:
            out += b"\xd9" + struct.pack(">B", n)
        elif n <= 0xFFFF:
            out += b"\xda" + struct.pack(">H", n)
        else:
            out += b"\xdb" + struct.pack(">I", n)
        out += raw
    elif t is list:
        n = len(v)
        if n < 16:
            out.append(0x90 | n)
        elif n <= 0xFFFF:
            out += b"\xdc" + struct.pack(">H", n)
        else:
            out += b"\xdd" + struct.pack(">I", n)
        for x in v:
            _pack(x, out)
    elif isinstance(v, dict):
        n = len(v)
        if n < 16:
            out.append(0x80 | n)
        elif n <= 0xFFFF:
            out += b"\xde" + struct.pack(">H", n)
        else:
            out += b"\xdf" + struct.pack(">I", n)
        for k in sorted(v, key=lambda k: (type(k) is not str, str(k))):
            _pack(k, out)
            _pack(v[k], out)
    else:
        raise TranscodeError(f"cannot encode a {t.__name__} value to MessagePack")


def msgpack_decode(data: bytes):
    """Plain data for MessagePack bytes (str and bin as text and bytes)."""
    value, end = _unpack(data, 0)
    if end != len(data):
        raise TranscodeError(f"{len(data) - end} bytes after the MessagePack value")
    return value


_FIXED = {
    0xCC: ">B", 0xCD: ">H", 0xCE: ">I", 0xCF: ">Q",
    0xD0: ">b", 0xD1: ">h", 0xD2: ">i", 0xD3: ">q",
    0xCA: ">f", 0xCB: ">d",
}  # fmt: skip


def _take(data: bytes, i: int, n: int) -> bytes:
    if i + n > len(data):
        raise TranscodeError("MessagePack data ends too early")
    return data[i : i + n]


def _unpack(data: bytes, i: int):
    b = _take(data, i, 1)[0]
    i += 1
    if b < 0x80:
        return b, i
    if b >= 0xE0:
        return b - 0x100, i
    if 0xA0 <= b <= 0xBF:
        return _text(_take(data, i, b & 0x1F)), i + (b & 0x1F)
    if 0x90 <= b <= 0x9F:
        return _unpack_array(data, i, b & 0x0F)
    if 0x80 <= b <= 0x8F:
        return _unpack_map(data, i, b & 0x0F)
    if b == 0xC0:
        return None, i
    if b == 0xC2:
        return False, i
    if b == 0xC3:
        return True, i
    fmt = _FIXED.get(b)
    if fmt is not None:
        size = struct.calcsize(fmt)
        return struct.unpack(fmt, _take(data, i, size))[0], i + size
    if b in (0xD9, 0xDA, 0xDB, 0xC4, 0xC5, 0xC6):
        size = {0xD9: 1, 0xDA: 2, 0xDB: 4, 0xC4: 1, 0xC5: 2, 0xC6: 4}[b]
        n = int.from_bytes(_take(data, i, size), "big")
        raw = _take(data, i + size, n)
        return (_text(raw) if b >= 0xD9 else bytes(raw)), i + size + n
    if b in (0xDC, 0xDD):
        size = 2 if b == 0xDC else 4
        return _unpack_array(data, i + size, int.from_bytes(_take(data, i, size), "big"))
    if b in (0xDE, 0xDF):
        size = 2 if b == 0xDE else 4
        return _unpack_map(data, i + size, int.from_bytes(_take(data, i, size), "big"))
    raise TranscodeError(f"MessagePack type 0x{b:02x} is not supported")


def _text(raw: bytes) -> str:
    return raw.decode("utf-8", "surrogateescape")


def _unpack_array(data, i, n):
    out = []
    for _ in range(n):
        x, i = _unpack(data, i)
        out.append(x)
    return out, i


def _unpack_map(data, i, n):
    out = {}
    for _ in range(n):
        k, i = _unpack(data, i)
        x, i = _unpack(data, i)
        if isinstance(k, (list, dict)):
            raise TranscodeError("MessagePack map keys must be scalars")
        out[k.decode("latin-1") if type(k) is bytes else k] = x
    return out, i


def _lua_to_msgpack(value) -> str:
    return msgpack_encode(_plain(value)).decode("latin-1")


def _msgpack_to_lua(data):
    if type(data) is not str:
        raise TranscodeError(f"MessagePack data must be a string, got {type_name(data)}")
    try:
        plain = msgpack_decode(to_bytes(data))
    except (struct.error, RecursionError) as e:
        raise TranscodeError(f"failed to decode MessagePack: {e}") from None
    return luajson.to_lua(_bytes_as_lua(plain))


def _bytes_as_lua(v):
    if type(v) is bytes:
        return v.decode("latin-1")  # a Lua string of those bytes, not text
    if type(v) is list:
        return [_bytes_as_lua(x) for x in v]
    if type(v) is dict:
        return {k: _bytes_as_lua(x) for k, x in v.items()}
    return v


# format -> Lua value -> data in that format
_FROM_LUA = {
    JSON: _lua_to_json,
    YAML: _lua_to_yaml,
    STRING: _lua_to_text,
    BYTES: _lua_to_text,
    MSGPACK: _lua_to_msgpack,
    GOLANG: _lua_to_golang,
}
# format -> data in that format -> Lua value
_TO_LUA = {
    JSON: _json_to_lua,
    YAML: _yaml_to_lua,
    STRING: _text_to_lua,
    BYTES: _text_to_lua,
    MSGPACK: _msgpack_to_lua,
    GOLANG: _golang_to_lua,
    ERROR: _error_to_lua,
}
