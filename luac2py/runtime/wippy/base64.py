"""The ``base64`` module: standard alphabet, with padding, on Lua byte strings."""

from __future__ import annotations

import base64 as _b64
import binascii

from ..values import type_name
from .errors import INVALID, ErrorObject
from .module import Module


class Base64Module(Module):
    """``require("base64")``: ``encode(s)`` -> string; ``decode(s)`` -> exactly
    two values, ``string, nil`` or ``nil, err``."""

    lua_fields = frozenset({"encode", "decode"})

    def encode(self, s=None, *_):
        if type(s) is not str:
            return (None, ErrorObject(INVALID, f"base64.encode expects a string, got {type_name(s)}", False))
        return _b64.b64encode(s.encode("latin-1")).decode("ascii")

    def decode(self, s=None, *_):
        if type(s) is not str:
            return (None, ErrorObject(INVALID, f"base64.decode expects a string, got {type_name(s)}", False))
        try:
            return (_b64.b64decode(s.encode("latin-1"), validate=True).decode("latin-1"), None)
        except (binascii.Error, ValueError) as e:
            return (None, ErrorObject(INVALID, f"invalid base64: {e}", False))


BASE64 = Base64Module()
