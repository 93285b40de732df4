"""Global environments (``_ENV``) for Lua chunks."""

from __future__ import annotations

from . import lib, luatypes
from .loader import make_dofile, make_load, make_loadfile, make_package
from .table import Table
from .values import type_name


def _module_loader(value):
    def loader(*_):
        return value

    return loader


# Wippy's type names that are globals: `integer(x)` casts or fails (`string(x)` is lowered apart).
WIPPY_CASTS = ("number", "integer", "boolean")


def new_env(modules: dict | None = None, search_files: bool = False) -> Table:
    """A fresh global table with the standard library.

    ``modules`` are what ``require`` gives beyond the standard libraries, as
    an embedding host provides them: ``package.preload`` loaders. A function
    is the loader itself (called with the name and ``":preload:"``); a module
    value (a Wippy module, a library table) gets a loader returning it, so the
    first ``require("funcs")`` gives the module and ``":preload:"``. With ``search_files`` (script mode)
    ``require`` also finds Lua files on ``package.path`` as ``lua`` does, and
    ``package`` has ``path``, ``cpath``, ``searchpath`` and ``loadlib``;
    without it (app mode) nothing in ``package`` touches the file system."""
    env = Table()
    for name, fn in lib.BASE.items():
        dict.__setitem__(env, name, fn)
    for name, mod in lib.LIBRARIES.items():
        dict.__setitem__(env, name, mod.LIB)
    for name in WIPPY_CASTS:
        dict.__setitem__(env, name, luatypes.BUILTIN[name])
    dict.__setitem__(env, "_G", env)
    dict.__setitem__(env, "_VERSION", "Lua 5.4")
    loaded = Table()
    dict.__setitem__(loaded, "_G", env)
    for name, mod in lib.LIBRARIES.items():
        dict.__setitem__(loaded, name, mod.LIB)
    package = make_package(env, loaded, search_files)
    preload = dict.__getitem__(package, "preload")
    for name, value in (modules or {}).items():
        dict.__setitem__(preload, name, value if type_name(value) == "function" else _module_loader(value))
    dict.__setitem__(env, "load", make_load(env))
    dict.__setitem__(env, "dofile", make_dofile(env))
    if search_files:
        dict.__setitem__(env, "loadfile", make_loadfile(env))
    return env
