"""Base classes for Wippy modules and the objects they hand to Lua."""

from __future__ import annotations

from keyword import iskeyword

from ..values import Userdata


def py_name(key: str) -> str:
    """The Python attribute for a Lua field name (``is`` -> ``is_``)."""
    return key + "_" if iskeyword(key) else key


class Module(Userdata):
    """A module table: ``mod.name`` gives a function called without ``self``
    (bound methods) or a constant. ``lua_fields`` lists what Lua may see."""

    lua_name = "module"
    lua_fields: frozenset[str] = frozenset()

    def lua_index(self, key):
        if type(key) is str and key in self.lua_fields:
            return getattr(self, py_name(key))
        return None

    def lua_tostring(self) -> str:
        return f"table: 0x{id(self):014x}"


class LuaObject(Userdata):
    """An object with methods: ``obj:name(...)`` calls the class function with
    ``obj`` first, as ``invoke`` does."""

    lua_methods: frozenset[str] = frozenset()

    def lua_index(self, key):
        if type(key) is str and key in self.lua_methods:
            return getattr(type(self), py_name(key))
        return None
