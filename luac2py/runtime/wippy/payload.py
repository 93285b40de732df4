"""Wippy's payload object: a value another piece of code produced (a
future's result), read with ``p:data()``. Values here are already Lua
values, so every payload is in Wippy's Lua format."""

from __future__ import annotations

from .module import LuaObject

LUA_FORMAT = "lua/any"


class Payload(LuaObject):
    __slots__ = ("value",)
    lua_name = "payload"
    lua_methods = frozenset({"data", "unmarshal", "get_format"})

    def __init__(self, value):
        self.value = value

    def data(self, *_):
        return self.value

    unmarshal = data

    def get_format(self, *_):
        return LUA_FORMAT

    def lua_tostring(self) -> str:
        return f"payload{{format={LUA_FORMAT}}}"
