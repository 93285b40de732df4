"""Wippy's types as run-time values.

A ``type Name = T`` declaration is a value: ``Name:is(v)`` answers ``v, nil``
when ``v`` has the type and ``nil, err`` when not, the error naming the
failing field (``meta.active: expected boolean, got string``); ``Name(v)``
returns ``v`` or raises that message. The globals ``number``, ``integer`` and
``boolean`` and the ``string`` library are such types too (``integer(7.0)``).

Generated code builds declarations from the constructors below
(``luatypes.record({"x": luatypes.NUMBER})``); a name the checker cannot see
(``process.Message``, a type of a module that exports none) accepts anything,
as gradual typing does.
"""

from __future__ import annotations

import math
import re

from .errors import LuaError
from .table import MetaTable, Table
from .values import Userdata, fmt_float, obj_type_name
from .wippy.errors import INVALID, ErrorObject
from .wippy.module import LuaObject


def _show(v) -> str:
    if type(v) is str:
        return '"' + v + '"'
    if type(v) is bool or v is None:
        return "nil" if v is None else ("true" if v else "false")
    if type(v) is float:
        return fmt_float(v)
    return str(v)


def _at(path: str, message: str) -> str:
    return f"{path}: {message}" if path else message


class LuaType(LuaObject):
    """A type: ``T:is(v)``, ``T(v)``."""

    lua_name = "type"
    lua_methods = frozenset({"is"})
    name = "any"

    def check(self, v, path: str) -> str | None:
        """None when ``v`` has this type, else the message."""
        return None

    def is_(self, v=None, *_):
        message = self.check(v, "")
        if message is None:
            return v, None
        return None, ErrorObject(INVALID, message)

    def __call__(self, v=None, *_):
        message = self.check(v, "")
        if message is not None:
            raise LuaError.at_caller(message)
        return v

    def lua_tostring(self) -> str:
        return self.name

    def expected(self, v, path: str) -> str:
        return _at(path, f"expected {self.name}, got {obj_type_name(v) if v is not None else 'nil'}")


class _Primitive(LuaType):
    def __init__(self, name: str, test):
        self.name, self.test = name, test

    def check(self, v, path):
        return None if self.test(v) else self.expected(v, path)


def _is_number(v) -> bool:
    return (type(v) is int or type(v) is float)


def _is_integer(v) -> bool:
    return type(v) is int or (type(v) is float and math.isfinite(v) and v == int(v))


def _is_table(v) -> bool:
    return type(v) is Table or type(v) is MetaTable


def _is_function(v) -> bool:
    return callable(v) and not isinstance(v, (Userdata, Table, MetaTable)) or isinstance(v, LuaType)


ANY = LuaType()
NIL = _Primitive("nil", lambda v: v is None)
BOOLEAN = _Primitive("boolean", lambda v: type(v) is bool)
NUMBER = _Primitive("number", _is_number)
INTEGER = _Primitive("integer", _is_integer)
STRING = _Primitive("string", lambda v: type(v) is str)
TABLE = _Primitive("table", _is_table)
FUNCTION = _Primitive("function", _is_function)
THREAD = _Primitive("thread", lambda v: obj_type_name(v) == "thread")
USERDATA = _Primitive("userdata", lambda v: isinstance(v, Userdata))
NEVER = _Primitive("never", lambda v: False)
BUILTIN = {
    "any": ANY, "unknown": ANY, "never": NEVER, "nil": NIL, "boolean": BOOLEAN, "number": NUMBER,
    "integer": INTEGER, "string": STRING, "table": TABLE, "function": FUNCTION, "thread": THREAD,
    "userdata": USERDATA,
}  # fmt: skip


def named(value) -> LuaType:
    """A type another name holds at run time: a declared type, else anything."""
    return value if isinstance(value, LuaType) else ANY


class Literal(LuaType):
    def __init__(self, value):
        self.value = value
        self.name = _show(value)

    def check(self, v, path):
        if type(v) is type(self.value) or (_is_number(v) and _is_number(self.value)):
            if v == self.value:
                return None
        return _at(path, f"expected {self.name}, got {_show(v) if type(v) in (str, int, float, bool) else obj_type_name(v) if v is not None else 'nil'}")


class Optional(LuaType):
    def __init__(self, item: LuaType):
        self.item = item
        self.name = f"{item.name}?"

    def check(self, v, path):
        return None if v is None else self.item.check(v, path)


class Union(LuaType):
    def __init__(self, *items: LuaType):
        self.items = items
        self.name = " | ".join(i.name for i in items)

    def check(self, v, path):
        for item in self.items:
            if item.check(v, path) is None:
                return None
        got = _show(v) if type(v) in (str, int, float, bool) else obj_type_name(v) if v is not None else "nil"
        return _at(path, f"expected {self.name}, got {got}")


class Intersection(LuaType):
    def __init__(self, *items: LuaType):
        self.items = items
        self.name = " & ".join(i.name for i in items)

    def check(self, v, path):
        for item in self.items:
            message = item.check(v, path)
            if message is not None:
                return message
        return None


def _entries(v):
    """A table's (key, value) pairs."""
    return list(v.items_snapshot())


class Array(LuaType):
    def __init__(self, item: LuaType):
        self.item = item
        self.name = f"{{{item.name}}}"

    def check(self, v, path):
        if not _is_table(v):
            return self.expected(v, path)
        for key, value in _entries(v):
            if not _is_integer(key) or key < 1:
                return _at(path, f"expected {self.name}, got a table with key {_show(key)}")
            message = self.item.check(value, f"{path}[{_show(key)}]")
            if message is not None:
                return message
        return None


class Map(LuaType):
    def __init__(self, key: LuaType, value: LuaType):
        self.key, self.value = key, value
        self.name = f"{{[{key.name}]: {value.name}}}"

    def check(self, v, path):
        if not _is_table(v):
            return self.expected(v, path)
        for key, value in _entries(v):
            message = self.key.check(key, _at(path, "key"))
            if message is None:
                message = self.value.check(value, f"{path}[{_show(key)}]" if path else f"[{_show(key)}]")
            if message is not None:
                return message
        return None


class Record(LuaType):
    """``{a: T, b?: U}``: every field present and of its type (optional ones
    may be nil); other keys are allowed, as in Wippy."""

    def __init__(self, fields: dict, optional=(), rest: Map | None = None):
        self.fields, self.optional, self.rest = fields, frozenset(optional), rest
        inner = ", ".join(f"{k}{'?' if k in self.optional else ''}: {t.name}" for k, t in fields.items())
        self.name = "{" + inner + "}"

    def check(self, v, path):
        if not _is_table(v):
            return self.expected(v, path)
        for key, item in self.fields.items():
            value = v.rawget(key)
            where = f"{path}.{key}" if path else key
            if value is None:
                if key in self.optional or item.check(None, where) is None:
                    continue
                return f"{where}: missing required field (expected {item.name})"
            message = item.check(value, where)
            if message is not None:
                return message
        if self.rest is not None:
            for key, value in _entries(v):
                if key not in self.fields:
                    message = self.rest.key.check(key, _at(path, "key")) or self.rest.value.check(
                        value, f"{path}[{_show(key)}]" if path else f"[{_show(key)}]"
                    )
                    if message is not None:
                        return message
        return None


class Function(LuaType):
    """A function type: Wippy checks that the value is callable."""

    def __init__(self, nparams: int = 0, nreturns: int = 0):
        self.name = "function"

    def check(self, v, path):
        return None if _is_function(v) else self.expected(v, path)


class Constrained(LuaType):
    """``T @min(0) @max_len(8) @pattern("^a")``."""

    def __init__(self, item: LuaType, checks):
        self.item, self.checks = item, tuple(checks)
        self.name = item.name

    def check(self, v, path):
        message = self.item.check(v, path)
        if message is not None or v is None:
            return message
        for name, args in self.checks:
            arg = args[0] if args else None
            if name in ("min", "max") and _is_number(v):
                if name == "min" and v < arg:
                    return _at(path, f"value {_show(v)} is below the minimum {_show(arg)} (min)")
                if name == "max" and v > arg:
                    return _at(path, f"value {_show(v)} is above the maximum {_show(arg)} (max)")
            elif name in ("min_len", "max_len", "len"):
                size = len(v) if type(v) is str else v.length() if _is_table(v) else None
                if size is None:
                    continue
                if name in ("min_len", "len") and size < arg:
                    return _at(path, f"length {size} is below the minimum length {arg} (min_len)")
                if name in ("max_len", "len") and size > (args[-1] if args else arg):
                    return _at(path, f"length {size} is above the maximum length {args[-1]} (max_len)")
            elif name == "pattern" and type(v) is str:
                if re.search(arg, v) is None:
                    return _at(path, f"value {_show(v)} does not match the pattern {arg}")
        return None


class Generic(LuaType):
    """``type Box<T> = {...}``: instantiated as ``Box<string>``; used bare, its
    parameters are ``any``."""

    def __init__(self, params: int, build):
        self.params, self.build = params, build
        self._bare = None
        self.name = "generic"

    def instance(self, *args: LuaType) -> LuaType:
        args = (args + (ANY,) * self.params)[: self.params]
        return self.build(*args)

    def check(self, v, path):
        if self._bare is None:
            self._bare = self.instance()
        return self._bare.check(v, path)


def instance(generic, *args) -> LuaType:
    """``Name<A, B>``: a generic declared type with arguments, else the name itself."""
    if isinstance(generic, Generic):
        return generic.instance(*args)
    return named(generic)


class Recursive(LuaType):
    """A declaration that names itself (``type Node = {next: Node?}``)."""

    def __init__(self, build):
        self.item = None
        self.item = build(self)
        self.name = self.item.name if not isinstance(self.item, Recursive) else "recursive"

    def check(self, v, path):
        return self.item.check(v, path)


def declare(name: str, t: LuaType) -> LuaType:
    """A declared type shows its own name in messages."""
    t.name = name if isinstance(t, (Record, Generic)) else t.name
    return t
