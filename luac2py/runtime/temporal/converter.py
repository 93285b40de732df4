"""The data converter of generated packages: Lua values on the wire as the
standard ``json/plain`` / ``binary/null`` encodings (JSON with Wippy's rules,
``luac2py.runtime.wippy.json``), so that workflows and activities interoperate
with every Temporal SDK.

Decoding without a type hint (activity ``*args``, ``input: Any``, results of
activities called by name, client results) gives Lua values; a concrete type
hint (a Python caller asking for ``dict``, a dataclass, ...) decodes as
temporalio's default JSON converter does."""

from __future__ import annotations

import json
from typing import Any

from temporalio.api.common.v1 import Payload
from temporalio.converter import (
    AdvancedJSONEncoder,
    BinaryNullPayloadConverter,
    BinaryPlainPayloadConverter,
    BinaryProtoPayloadConverter,
    CompositePayloadConverter,
    DataConverter,
    EncodingPayloadConverter,
    JSONProtoPayloadConverter,
    value_to_type,
)

from ..wippy import json as luajson
from ..wippy.json import PayloadError, to_lua, to_python

__all__ = ["DATA_CONVERTER", "LuaPayloadConverter", "PayloadError", "to_lua", "to_python"]

_ADVANCED = AdvancedJSONEncoder()


def _wants_lua(type_hint) -> bool:
    return type_hint is None or type_hint is Any or type_hint is object


class LuaJSONPayloadConverter(EncodingPayloadConverter):
    """``json/plain`` with Lua value rules. Other Python objects (SDK
    dataclasses such as query results) are encoded as temporalio does."""

    @property
    def encoding(self) -> str:
        return "json/plain"

    def to_payload(self, value: Any) -> Payload | None:
        data = luajson.encode(value, default=_ADVANCED.default)
        return Payload(metadata={"encoding": b"json/plain"}, data=data.encode("utf-8"))

    def from_payload(self, payload: Payload, type_hint: type | None = None) -> Any:
        try:
            if _wants_lua(type_hint):
                return luajson.decode(payload.data)
            return value_to_type(type_hint, json.loads(payload.data))
        except ValueError as err:
            raise RuntimeError(f"cannot decode JSON payload: {err}") from err


class LuaBinaryPlainPayloadConverter(BinaryPlainPayloadConverter):
    """``binary/plain`` (bytes from other SDKs) reaches Lua as a byte string."""

    def from_payload(self, payload: Payload, type_hint: type | None = None) -> Any:
        if _wants_lua(type_hint):
            return payload.data.decode("latin-1")
        return super().from_payload(payload, type_hint)


class LuaPayloadConverter(CompositePayloadConverter):
    def __init__(self) -> None:
        super().__init__(
            BinaryNullPayloadConverter(),
            LuaBinaryPlainPayloadConverter(),
            JSONProtoPayloadConverter(),
            BinaryProtoPayloadConverter(),
            LuaJSONPayloadConverter(),
        )


DATA_CONVERTER = DataConverter(payload_converter_class=LuaPayloadConverter)
