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
        # As Go's StdEncoding: CR and LF are skipped; padding exactly as needed.
        data = s.encode("latin-1").replace(b"\r", b"").replace(b"\n", b"")
        body = data.rstrip(b"=")
        if len(data) % 4 or len(data) - len(body) > 2:
            return (None, ErrorObject(INVALID, "invalid base64: bad length or padding", False))
        try:
            return (binascii.a2b_base64(data, strict_mode=True).decode("latin-1"), None)
        except (binascii.Error, ValueError) as e:
            return (None, ErrorObject(INVALID, f"invalid base64: {e}", False))


BASE64 = Base64Module()
