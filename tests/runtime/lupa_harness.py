"""Shared harness for the differential library tests (test_lib_*.py) against
real Lua 5.4 through lupa.

A call case evaluates an argument list in Lua, then calls the real library
function with those values and the runtime's with the same values converted;
a program case runs a Lua chunk and a Python function written to do the same.
Results (or error messages) are compared in ``shape`` form, so integers and
floats stay distinguished.

A plain module: the test files import it by name (pytest puts tests/runtime
on sys.path in its default import mode). One Lua state serves them all.
"""

from __future__ import annotations

import re

import lupa.lua54

from luac2py.runtime.errors import LuaError
from luac2py.runtime.lib.base import setmetatable
from luac2py.runtime.table import Table, lua_key
from luac2py.runtime.values import fmt_float

LUA = lupa.lua54.LuaRuntime(encoding=None)
_RUN = LUA.eval('function(src) return table.pack(pcall(assert(load(src, "=case")))) end')
_GETMETA = LUA.eval("getmetatable")
_RAWLEN = LUA.eval("rawlen")


def shape(v):
    """A comparable form of a Lua value from lupa or from the runtime."""
    if v is None or v is True or v is False:
        return v
    if isinstance(v, int):
        return ("int", v)
    if isinstance(v, float):
        return ("float", repr(v) if v == v else fmt_float(v))
    if isinstance(v, bytes):
        return v.decode("latin-1")
    if isinstance(v, str):
        return v
    if isinstance(v, Table):
        items = ((lua_key(k), x) for k, x in dict.items(v))
    elif lupa.lua54.lua_type(v) == "table":
        items = v.items()
    else:
        return ("function",) if callable(v) else ("other", type(v).__name__)
    return ("table", sorted((repr(shape(k)), shape(x)) for k, x in items))


def lua_packed(r, strip_position: bool = False):
    """The shaped results of a Lua ``table.pack(pcall(...))``.

    With ``strip_position``, a leading ``case:N: `` (the chunk position
    ``lua_results`` chunks give their errors) is taken off an error message.
    """
    values = [r[i] for i in range(2, r[b"n"] + 1)]
    if not r[1]:
        msg = shape(values[0])
        if strip_position and isinstance(msg, str):
            msg = re.sub(r"^case:\d+: ", "", msg)
        return ("error", msg)
    return tuple(shape(v) for v in values)


def lua_results(src: str):
    """Run the Lua chunk ``src``: its shaped results, or ``("error", msg)``."""
    return lua_packed(_RUN(src.encode("latin-1")), strip_position=True)


def py_results(fn):
    """Call ``fn``: its shaped results, or ``("error", msg)`` for a LuaError."""
    try:
        r = fn()
    except LuaError as e:
        return ("error", str(e))
    return tuple(shape(v) for v in (r if type(r) is tuple else (r,)))


def to_runtime(v):
    """A lupa value as the runtime's value (strings decoded, tables copied)."""
    if isinstance(v, bytes):
        return v.decode("latin-1")
    if lupa.lua54.lua_type(v) == "table":
        # Positional items first, so the runtime's border is Lua's.
        n = _RAWLEN(v)
        t = Table.of([to_runtime(v[i]) for i in range(1, n + 1)])
        for k, x in v.items():
            if not (type(k) is int and 1 <= k <= n):
                t.set(to_runtime(k), to_runtime(x))
        meta = _GETMETA(v)
        if meta is not None:
            setmetatable(t, to_runtime(meta))
        return t
    return v


def lua_args(args: str) -> list:
    """The values of the Lua argument list ``args``, as runtime values."""
    packed = LUA.execute(f"return table.pack({args})")
    return [to_runtime(packed[i]) for i in range(1, packed[b"n"] + 1)]


# Called from Python, a library function has no Lua call site: Lua's
# ``pcall(string.rep, ...)`` is the same case (errors name "string.rep", no position).
PCALL = "local r = table.pack(pcall({func}, table.unpack(a, 1, a.n))) if not r[1] then error(r[2], 0) end"


def check_call(func: str, args: str, pyfunc, *, pcall: bool = False):
    """``func(args)`` in Lua against ``pyfunc`` on the same argument values.

    By default Lua calls ``func`` directly from the chunk (errors name the
    function as the call site does, e.g. 'insert'); with ``pcall`` it goes
    through ``pcall`` as in ``PCALL`` (errors name it 'string.rep').
    """
    values = lua_args(args)
    if pcall:
        call = f"{PCALL.format(func=func)} return table.unpack(r, 2, r.n)"
    else:
        call = f"return {func}(table.unpack(a, 1, a.n))"
    expected = lua_results(f"local a = table.pack({args}) {call}")
    assert py_results(lambda: pyfunc(*values)) == expected


def check_program(src: str, pyfunc):
    """The Lua chunk ``src`` against the Python function ``pyfunc``."""
    assert py_results(pyfunc) == lua_results(src)


def with_meta(t, **events):
    """``t`` with a metatable holding ``events``."""
    setmetatable(t, Table.of((), events))
    return t
