"""Lua's basic functions (print, type, pairs, pcall, error, ...).

Each follows the runtime's calling convention: one result is returned plainly,
none or several as a tuple.
"""

from __future__ import annotations

import sys
import threading
from types import CoroutineType

from ..errors import LuaError, c_function, from_python, lua_position
from ..ops import first
from ..table import MetaTable, Table, drop_nils, put_meta
from ..values import NOVALUE, TYPE_META, Userdata, fmt_float, obj_type_name, str_to_number, type_name, wrap


def _arg_error(n: int, fname: str, msg: str):
    return LuaError.bad_argument(n, fname, msg)


def _check_table(v, n, fname):
    if not isinstance(v, Table):
        raise _arg_error(n, fname, f"table expected, got {_typename_for_msg(v)}")
    return v


def _typename_for_msg(v):
    return "no value" if v is NOVALUE else obj_type_name(v)


def tostring(v=NOVALUE, *_):
    if v is NOVALUE:
        raise _arg_error(1, "tostring", "value expected")
    t = type(v)
    if t is str:
        return v
    if t is int:
        return str(v)
    if t is float:
        return fmt_float(v)
    if v is None:
        return "nil"
    if t is bool:
        return "true" if v else "false"
    if t is MetaTable:
        meta = v.meta
        h = dict.get(meta, "__tostring")
        if h is not None:
            s = first(h(v))
            if type(s) is not str:
                if type(s) in (int, float):
                    return tostring(s)
                raise LuaError.at_caller("'__tostring' must return a string")
            return s
        name = dict.get(meta, "__name")
        if type(name) is str:
            return f"{name}: 0x{id(v):014x}"
    if t is Table or t is MetaTable:
        return f"table: 0x{id(v):014x}"
    if isinstance(v, Userdata):
        return v.lua_tostring()
    tn = type_name(v)
    return f"{tn}: 0x{id(v):014x}"


def lua_print(*args):
    out = "\t".join([a if type(a) is str else tostring(a) for a in args]) + "\n"
    write_stdout(out)
    return ()


def write_stdout(s: str) -> None:
    sys.stdout.buffer.write(s.encode("latin-1"))


def lua_type(v=NOVALUE, *_):
    if v is NOVALUE:
        raise _arg_error(1, "type", "value expected")
    return type_name(v)


def tonumber(v=NOVALUE, base=None, *_):
    if type(v) is str and base is None:  # the usual call, first
        if v.isdigit() and v.isascii() and len(v) < 19:
            return int(v)  # str_to_number's common case, a frame less
        return str_to_number(v)
    if base is None:
        if v is NOVALUE:
            raise _arg_error(1, "tonumber", "value expected")
        t = type(v)
        if t is int or t is float:
            return v
        return None
    if type(base) is not int:
        from .lmath import check_integer

        base = check_integer(base, 2, "tonumber")
    if type(v) is not str:
        raise _arg_error(1, "tonumber", f"string expected, got {_typename_for_msg(v)}")
    if not 2 <= base <= 36:
        raise _arg_error(2, "tonumber", "base out of range")
    s = v.strip(" \t\n\r\f\v").lower()
    neg = s.startswith("-")
    if neg or s.startswith("+"):
        s = s[1:]
    if not s:
        return None
    n = 0
    for ch in s:
        d = "0123456789abcdefghijklmnopqrstuvwxyz".find(ch)
        if d < 0 or d >= base:
            return None
        n = n * base + d
    n = wrap(n)
    return wrap(-n) if neg else n


def rawequal(a=NOVALUE, b=NOVALUE, *_):
    if a is NOVALUE or b is NOVALUE:
        raise _arg_error(1 if a is NOVALUE else 2, "rawequal", "value expected")
    if type(a) is bool or type(b) is bool:
        return a is b
    if isinstance(a, Table) or isinstance(b, Table):
        return a is b
    return a == b


def rawlen(v=NOVALUE, *_):
    if isinstance(v, Table):
        return v.length()
    if type(v) is str:
        return len(v)
    raise _arg_error(1, "rawlen", f"table or string expected, got {_typename_for_msg(v)}")


def rawget(t=None, k=NOVALUE, *_):
    _check_table(t, 1, "rawget")
    if k is NOVALUE:
        raise _arg_error(2, "rawget", "value expected")
    return t.rawget(k)


def rawset(t=None, k=NOVALUE, v=NOVALUE, *_):
    _check_table(t, 1, "rawset")
    if k is NOVALUE or v is NOVALUE:
        raise _arg_error(2 if k is NOVALUE else 3, "rawset", "value expected")
    t.rawset(k, v)
    return t


def setmetatable(t=NOVALUE, mt=NOVALUE, *_):
    tt = type(t)
    if tt is not Table or not isinstance(mt, Table):
        if not isinstance(t, Table):
            raise _arg_error(1, "setmetatable", f"table expected, got {_typename_for_msg(t)}")
        if mt is NOVALUE or (mt is not None and not isinstance(mt, Table)):
            raise _arg_error(2, "setmetatable", f"nil or table expected, got {_typename_for_msg(mt)}")
        if tt is MetaTable and dict.get(t.meta, "__metatable") is not None:
            raise LuaError.at_caller("cannot change a protected metatable")
    put_meta(t, mt)  # (a plain table given one becomes a MetaTable, without None values)
    return t


def new_object(t, mt, nils):
    """``setmetatable({...}, mt)``, the constructor ``t`` fresh from generated
    code (a MetaTable already when it was built from keywords), which tells
    whether any of its values may be nil (``nils``): no protected metatable to
    check, and no purge of None values to look for."""
    if type(mt) is Table or type(mt) is MetaTable:
        if nils:
            drop_nils(t)
        if type(t) is Table:
            t.__class__ = MetaTable
        t.meta = mt
        return t
    if type(t) is MetaTable:
        t.__class__ = Table  # (no metatable yet)
    return setmetatable(t, mt)  # (its argument error, or no metatable)


def getmetatable(v=NOVALUE, *_):
    if v is NOVALUE:
        raise _arg_error(1, "getmetatable", "value expected")
    if isinstance(v, Table):
        mt = v.meta
    elif type(v) is str:
        from .lstring import STRING_META

        mt = STRING_META
    elif isinstance(v, Userdata):
        mt = getattr(v, "lua_meta", None)
    else:
        mt = TYPE_META.get(type_name(v))
    if mt is None:
        return None
    protected = dict.get(mt, "__metatable")
    return protected if protected is not None else mt


def lua_next(t=NOVALUE, k=None, *_):
    _check_table(t, 1, "next")
    return t.next(k)


def pairs(t=NOVALUE, *_):
    if t is NOVALUE:
        raise _arg_error(1, "pairs", "value expected")
    if type(t) is MetaTable:
        h = dict.get(t.meta, "__pairs")
        if h is not None:
            from ..ops import adjust, settle

            return adjust(settle(h(t)), 3)
    # Lua 5.4 checks the type only when `next` runs.
    return (lua_next, t, None)


def pairs_iter(t=NOVALUE):
    """``for k, v in pairs(t)`` as a Python iterator (no ``__pairs``)."""
    if type(t) is Table or (type(t) is MetaTable and dict.get(t.meta, "__pairs") is None):
        return t.items_snapshot()
    triple = pairs(t)
    if triple[0] is lua_next and not isinstance(t, Table):
        # `next` called by the loop: Lua names it by that role.
        raise LuaError.at_caller(f"bad argument #1 to 'for iterator' (table expected, got {type_name(t)})")
    from ..ops import generic_for

    return generic_for(*triple, nvars=2)


def _ipairs_get(t, i):
    if isinstance(t, Table):
        return t[i]
    if type(t) is str or isinstance(t, Userdata):
        from ..ops import index

        return index(t, i)
    # Raised inside ipairs' C step function in Lua: no position, no name.
    raise LuaError(f"attempt to index a {type_name(t)} value")


def _ipairs_step(t, i):
    i = wrap(i + 1)
    v = _ipairs_get(t, i)
    if v is None:
        return None
    return (i, v)


def ipairs(t=NOVALUE, *_):
    if t is NOVALUE:
        raise _arg_error(1, "ipairs", "value expected")
    return (_ipairs_step, t, 0)


def ipairs_iter(t=NOVALUE):
    """``for i, v in ipairs(t)`` as a Python iterator."""
    if t is NOVALUE:
        raise _arg_error(1, "ipairs", "value expected")
    i = 1
    if type(t) is Table:
        get = dict.get
        while True:
            v = get(t, i)
            if v is None:
                return
            yield i, v
            i += 1
    while True:
        v = _ipairs_get(t, i)
        if v is None:
            return
        yield i, v
        i += 1


def select(n=NOVALUE, *args):
    if type(n) is str and n[:1] == "#":
        return len(args)
    if type(n) is not int:
        from .lmath import check_integer

        n = check_integer(n, 1, "select")
    if n < 0:
        n = len(args) + n
        if n < 0:
            raise _arg_error(1, "select", "index out of range")
        return args[n:]
    if n == 0:
        raise _arg_error(1, "select", "index out of range")
    return args[n - 1 :]


def error(value=None, level=1, *_):
    if type(value) is str and type(level) is int and level > 0:
        value = lua_position(level) + value
    raise LuaError(value)


def lua_assert(*args):
    if not args:
        raise _arg_error(1, "assert", "value expected")
    v = args[0]
    if v is None or v is False:
        # Lua 5.4's assert calls error(message): a string gets a position.
        message = args[1] if len(args) > 1 else "assertion failed!"
        if type(message) is str:
            message = lua_position(1) + message
        raise LuaError(message)
    return args[0] if len(args) == 1 else args


# pcall and xpcall check their arguments at their caller's level; the protected
# calls proper are the C-function level between the caller and f (see
# errors.activations), so errors raised directly under them have no position.


def pcall(f=NOVALUE, *args):
    if f is NOVALUE:
        raise _arg_error(1, "pcall", "value expected")
    return _pcall(f, args)


class _Protection(threading.local):
    """The protected calls in progress, innermost last: None for pcall, the
    message handler for xpcall. A to-be-closed variable closed by an error runs
    the handler first, as Lua calls it before unwinding."""

    def __init__(self):
        self.handlers: list = []


PROTECTION = _Protection()


def handle_error(exc: BaseException, value):
    """The error value as the innermost xpcall's handler transforms it, once."""
    handled = getattr(exc, "lua_handled", NOVALUE)
    if handled is not NOVALUE:
        return handled
    handlers = PROTECTION.handlers
    if not handlers or handlers[-1] is None:
        return value
    from .ldebug import HANDLING

    saved, HANDLING.tb = HANDLING.tb, exc.__traceback__
    try:
        handled = first(handlers[-1](value))
    except Exception:  # noqa: BLE001  as Lua reports a failing message handler
        handled = "error in error handling"
    finally:
        HANDLING.tb = saved
    exc.lua_handled = handled
    return handled


@c_function
def _pcall(f, args):
    handlers = PROTECTION.handlers
    handlers.append(None)
    try:
        r = f(*args)
    except LuaError as e:
        return (False, e.value)
    except Exception as e:  # noqa: BLE001  any failure inside is a Lua error
        return (False, from_python(e).value)
    finally:
        handlers.pop()
    if type(r) is tuple:
        return (True,) + r
    return (True, r)


def xpcall(f=NOVALUE, handler=NOVALUE, *args):
    _check_handler(handler)
    return _xpcall(f, handler, args)


@c_function
def _xpcall(f, handler, args):
    handlers = PROTECTION.handlers
    handlers.append(handler)
    try:
        r = f(*args)
    except Exception as e:  # noqa: BLE001
        value = e.value if isinstance(e, LuaError) else from_python(e).value
        # The handler's first result replaces the error object.
        return (False, handle_error(e, value))
    finally:
        handlers.pop()
    if type(r) is tuple:
        return (True,) + r
    return (True, r)


def _check_handler(handler):
    if type_name(handler) != "function":
        raise _arg_error(2, "xpcall", f"function expected, got {_typename_for_msg(handler)}")


async def apcall(f=NOVALUE, *args):
    """``pcall`` in workflow code, where ``f`` may suspend."""
    if f is NOVALUE:
        raise _arg_error(1, "pcall", "value expected")
    return await _apcall(f, args)


@c_function
async def _apcall(f, args):
    try:
        r = f(*args)
        if type(r) is CoroutineType:
            r = await r
    except LuaError as e:
        return (False, e.value)
    except Exception as e:  # noqa: BLE001
        if _is_cancellation(e):
            raise
        return (False, from_python(e).value)
    if type(r) is tuple:
        return (True,) + r
    return (True, r)


async def axpcall(f=NOVALUE, handler=NOVALUE, *args):
    _check_handler(handler)
    return await _axpcall(f, handler, args)


@c_function
async def _axpcall(f, handler, args):
    try:
        r = f(*args)
        if type(r) is CoroutineType:
            r = await r
    except Exception as e:  # noqa: BLE001
        if _is_cancellation(e):
            raise
        value = e.value if isinstance(e, LuaError) else from_python(e).value
        try:
            h = handler(value)
            if type(h) is CoroutineType:
                h = await h
        except Exception as e2:  # noqa: BLE001  as Lua reports a failing message handler
            if _is_cancellation(e2):
                raise
            return (False, "error in error handling")
        return (False, first(h))
    if type(r) is tuple:
        return (True,) + r
    return (True, r)


def _is_cancellation(e) -> bool:
    import asyncio

    return isinstance(e, asyncio.CancelledError)


def unpack(t=None, i=1, j=None, *_):
    if not isinstance(t, Table):
        from ..ops import index

        if j is None:
            from ..ops import length

            j = length(t)
        return tuple(index(t, k) for k in range(i, j + 1))
    if j is None:
        from ..ops import length

        j = length(t)
    if i > j:
        return ()
    if j - i >= 1_000_000:
        raise LuaError.at_caller("too many results to unpack")
    if type(t) is Table:
        get = dict.get
        return tuple([get(t, k) for k in range(i, j + 1)])
    return tuple([t[k] for k in range(i, j + 1)])


_GC_OPTIONS = ("collect", "stop", "restart", "count", "step", "isrunning", "incremental", "generational",
               "setpause", "setstepmul")
_gc_state = {"running": True, "mode": "incremental"}


def collectgarbage(opt="collect", *args):
    """Python's collector stands in for Lua's; sizes are Python's allocated blocks."""
    import gc

    if opt not in _GC_OPTIONS:
        raise _arg_error(1, "collectgarbage", f"invalid option '{tostring(opt)}'")
    if opt == "collect":
        gc.collect()
        return 0
    if opt == "count":
        return sys.getallocatedblocks() * 64 / 1024
    if opt == "step":
        gc.collect()
        return True
    if opt == "isrunning":
        return _gc_state["running"]
    if opt in ("stop", "restart"):
        _gc_state["running"] = opt == "restart"
        return 0
    if opt in ("incremental", "generational"):
        previous, _gc_state["mode"] = _gc_state["mode"], opt
        return previous
    return 200 if opt == "setpause" else 100
