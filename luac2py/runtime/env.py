"""Global environments (``_ENV``) for Lua chunks."""

from __future__ import annotations

from . import lib
from .errors import LuaError
from .table import Table


def new_env(modules: dict | None = None) -> Table:
    """A fresh global table with the standard library; ``modules`` maps the
    names ``require`` may load to their values (Wippy modules, libraries)."""
    env = Table()
    for name, fn in lib.BASE.items():
        dict.__setitem__(env, name, fn)
    for name, mod in lib.LIBRARIES.items():
        dict.__setitem__(env, name, mod.LIB)
    dict.__setitem__(env, "_G", env)
    dict.__setitem__(env, "_VERSION", "Lua 5.4")
    loaded = Table()
    for name, mod in lib.LIBRARIES.items():
        dict.__setitem__(loaded, name, mod.LIB)
    dict.__setitem__(loaded, "_G", env)
    preload = dict(modules or {})

    def require(name=None, *_):
        if type(name) is not str:
            raise LuaError.at_caller("bad argument #1 to 'require' (string expected)")
        v = dict.get(loaded, name)
        if v is not None:
            return v
        loader = preload.get(name)
        if loader is None:
            raise LuaError.at_caller(f"module '{name}' not found")
        v = loader() if callable(loader) and not isinstance(loader, Table) else loader
        if v is None:
            v = True
        dict.__setitem__(loaded, name, v)
        return v

    dict.__setitem__(env, "require", require)
    return env
