"""The ``ctx`` module: read the context values the running
workflow or activity was given (``luac2py.runtime.temporal.context``).

As in Wippy: ``ctx.get(key)`` is ``value, nil`` or ``nil, err`` (NOT_FOUND
for a missing key, INVALID for an empty one, neither retryable);
``ctx.all()`` is a new table of every value, empty without a context."""

from __future__ import annotations

from ..errors import LuaError
from ..temporal.context import current_values
from ..values import number_to_str, type_name
from .errors import INVALID, NOT_FOUND, ErrorObject
from .module import Module


class CtxModule(Module):
    lua_fields = frozenset({"get", "all"})

    def get(self, key=None, *_):
        if type(key) is int or type(key) is float:
            key = number_to_str(key)
        elif type(key) is not str:
            raise LuaError.bad_argument(1, "ctx.get", f"string expected, got {type_name(key)}")
        if not key:
            return None, ErrorObject(INVALID, "empty key", False)
        value = dict.get(current_values(), key)
        if value is None:
            return None, ErrorObject(NOT_FOUND, "key not found: " + key, False)
        return value, None

    def all(self, *_):
        return current_values()


CTX = CtxModule()
