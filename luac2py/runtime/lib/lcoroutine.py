"""The ``coroutine`` library.

Lua coroutines are stackful: a yield may come from any depth of calls. In
synchronous code (scripts, activities) each coroutine runs on a greenlet, so
generated functions stay plain ``def``s. In workflow code functions that may
suspend are ``async``; there a coroutine is an asyncio task on Temporal's
deterministic workflow loop, and ``resume``/``yield`` hand control over with
futures (``ASYNC_LIB``).
"""

from __future__ import annotations

import asyncio
import contextvars
import threading
from types import CoroutineType

from greenlet import GreenletExit, getcurrent, greenlet

from ..errors import LuaError, c_function, from_python
from ..table import Table
from ..values import NOVALUE, type_name


class Coroutine:
    """A Lua thread value."""

    lua_name = "thread"
    __slots__ = ("fn", "status", "glet", "resumer", "error", "__weakref__")

    def __init__(self, fn):
        self.fn = fn
        self.status = "suspended"  # suspended | running | normal | dead
        self.glet = None
        self.resumer = None
        self.error = NOVALUE  # the error that killed it, for close()

    def lua_tostring(self) -> str:
        return f"thread: 0x{id(self):014x}"


class _State(threading.local):
    def __init__(self):
        self.current = None  # the running Coroutine, None in the main one
        self.main = Coroutine(None)
        self.main.status = "running"


_state = _State()


class _NonYieldable(threading.local):
    """How many calls from library functions that Lua cannot yield across
    (table.sort's comparator, ...) the running coroutine is inside."""

    depth = 0


NONYIELDABLE = _NonYieldable()


def _error_value(e: BaseException):
    return e.value if isinstance(e, LuaError) else from_python(e).value


def _check_co(co, n: int, fname: str):
    if not isinstance(co, Coroutine):
        raise LuaError.bad_argument(
            n, "coroutine." + fname, f"thread expected, got {type_name(co) if co is not NOVALUE else 'no value'}"
        )
    return co


def _check_function(f, fname: str):
    if not callable(f) or isinstance(f, Table):
        raise LuaError.bad_argument(
            1, "coroutine." + fname, f"function expected, got {type_name(f) if f is not NOVALUE else 'no value'}"
        )


# --- synchronous coroutines (greenlets) ------------------------------------------


def create(f=NOVALUE, *_):
    _check_function(f, "create")
    return Coroutine(f)


def _body(co: Coroutine):
    def run(*args):
        try:
            r = co.fn(*args)
        except GreenletExit:
            raise
        except BaseException as e:  # noqa: BLE001  a Lua error ends the coroutine
            if isinstance(e, RecursionError):
                e = LuaError("stack overflow")
            co.error = _error_value(e)
            return ("error", co.error)
        return ("return", r if type(r) is tuple else (r,))

    return run


def _resume(co: Coroutine, args: tuple):
    """``(ok, values)`` of running ``co`` until it yields, returns or fails."""
    if co.status != "suspended":
        if co.status == "dead":
            return False, ("cannot resume dead coroutine",)
        return False, ("cannot resume non-suspended coroutine",)
    prev = _state.current
    (prev or _state.main).status = "normal"
    co.status = "running"
    co.resumer = getcurrent()
    _state.current = co
    depth, NONYIELDABLE.depth = NONYIELDABLE.depth, 0
    try:
        if co.glet is None:
            co.glet = greenlet(_body(co), parent=co.resumer)
            kind, values = co.glet.switch(*args)
        else:
            co.glet.parent = co.resumer
            kind, values = co.glet.switch(args)
    finally:
        _state.current = prev
        NONYIELDABLE.depth = depth
        (prev or _state.main).status = "running"
    if kind == "yield":
        co.status = "suspended"
        return True, values
    co.status = "dead"
    co.glet = None
    if kind == "error":
        return False, (values,)
    return True, values


def resume(co=NOVALUE, *args):
    ok, values = _resume(_check_co(co, 1, "resume"), args)
    return (ok, *values)


def lua_yield(*values):
    co = _state.current
    if co is None:
        raise LuaError.at_caller("attempt to yield from outside a coroutine")
    if NONYIELDABLE.depth:
        raise LuaError("attempt to yield across a C-call boundary")
    args = co.resumer.switch(("yield", values))
    return args[0] if len(args) == 1 else args


def status(co=NOVALUE, *_):
    co = _check_co(co, 1, "status")
    return co.status


def running(*_):
    co = _state.current
    return (co, False) if co is not None else (_state.main, True)


def isyieldable(co=NOVALUE, *_):
    if co is NOVALUE:
        return _state.current is not None and not NONYIELDABLE.depth
    return _check_co(co, 1, "isyieldable") is not _state.main


def wrap(f=NOVALUE, *_):
    _check_function(f, "wrap")
    co = Coroutine(f)

    @c_function
    def wrapped(*args):
        ok, values = _resume(co, args)
        if ok:
            return values[0] if len(values) == 1 else values
        err = values[0]
        if type(err) is str:
            from ..errors import lua_position

            err = lua_position(1) + err
        raise LuaError(err)

    return wrapped


def close(co=NOVALUE, *_):
    co = _check_co(co, 1, "close")
    if co.status == "suspended" or co.status == "dead":
        glet, co.glet = co.glet, None
        co.status = "dead"
        if glet is not None:
            # Unwind its stack: pending to-be-closed variables run their __close.
            prev = _state.current
            _state.current = co
            co.status = "running"  # while its pending __close handlers run
            try:
                glet.throw(GreenletExit)
            except BaseException as e:  # noqa: BLE001  an error from a __close
                co.error = _error_value(e)
            finally:
                _state.current = prev
                co.status = "dead"
        if co.error is not NOVALUE:
            err, co.error = co.error, NOVALUE
            return False, err
        return True
    raise LuaError.at_caller(f"cannot close a {co.status} coroutine")


LIB = Table()
for _name, _fn in {
    "create": create,
    "resume": resume,
    "yield": lua_yield,
    "status": status,
    "running": running,
    "isyieldable": isyieldable,
    "wrap": wrap,
    "close": close,
}.items():
    LIB[_name] = _fn


# --- coroutines in workflow code (asyncio tasks) -------------------------------

_current_task_co: contextvars.ContextVar = contextvars.ContextVar("lua_coroutine", default=None)


class AsyncCoroutine(Coroutine):
    __slots__ = ("task", "transfer", "wakeup")

    def __init__(self, fn):
        super().__init__(fn)
        self.task = None
        self.transfer = None  # completed by the coroutine: ("yield"|"return"|"error", values)
        self.wakeup = None  # completed by resume: the values yield returns


async def _async_body(co: AsyncCoroutine, args):
    _current_task_co.set(co)
    try:
        r = co.fn(*args)
        if type(r) is CoroutineType:
            r = await r
    except asyncio.CancelledError:
        raise
    except BaseException as e:  # noqa: BLE001  a Lua error ends the coroutine
        co.transfer.set_result(("error", _error_value(e)))
        return
    co.transfer.set_result(("return", r if type(r) is tuple else (r,)))


async def _aresume(co: AsyncCoroutine, args: tuple):
    if co.status != "suspended":
        if co.status == "dead":
            return False, ("cannot resume dead coroutine",)
        return False, ("cannot resume non-suspended coroutine",)
    prev = _current_task_co.get()
    if prev is not None:
        prev.status = "normal"
    co.status = "running"
    co.transfer = asyncio.get_running_loop().create_future()
    if co.task is None:
        co.task = asyncio.ensure_future(_async_body(co, args))
    else:
        co.wakeup.set_result(args)
    try:
        kind, values = await co.transfer
    finally:
        if prev is not None:
            prev.status = "running"
    if kind == "yield":
        co.status = "suspended"
        return True, values
    co.status = "dead"
    if kind == "error":
        return False, (values,)
    return True, values


def acreate(f=NOVALUE, *_):
    _check_function(f, "create")
    return AsyncCoroutine(f)


async def aresume(co=NOVALUE, *args):
    ok, values = await _aresume(_check_co(co, 1, "resume"), args)
    return (ok, *values)


async def ayield(*values):
    co = _current_task_co.get()
    if co is None:
        raise LuaError.at_caller("attempt to yield from outside a coroutine")
    co.wakeup = asyncio.get_running_loop().create_future()
    co.transfer.set_result(("yield", values))
    args = await co.wakeup
    return args[0] if len(args) == 1 else args


def astatus(co=NOVALUE, *_):
    return _check_co(co, 1, "status").status


def arunning(*_):
    co = _current_task_co.get()
    return (co, False) if co is not None else (_state.main, True)


def aisyieldable(co=NOVALUE, *_):
    if co is NOVALUE:
        return _current_task_co.get() is not None
    return _check_co(co, 1, "isyieldable") is not _state.main


def awrap(f=NOVALUE, *_):
    _check_function(f, "wrap")
    co = AsyncCoroutine(f)

    async def wrapped(*args):
        ok, values = await _aresume(co, args)
        if ok:
            return values[0] if len(values) == 1 else values
        raise LuaError(values[0])

    return wrapped


def aclose(co=NOVALUE, *_):
    co = _check_co(co, 1, "close")
    if co.status in ("suspended", "dead"):
        if co.task is not None and not co.task.done():
            co.task.cancel()
        co.status = "dead"
        return True
    raise LuaError.at_caller(f"cannot close a {co.status} coroutine")


ASYNC_LIB = Table()
for _name, _fn in {
    "create": acreate,
    "resume": aresume,
    "yield": ayield,
    "status": astatus,
    "running": arunning,
    "isyieldable": aisyieldable,
    "wrap": awrap,
    "close": aclose,
}.items():
    ASYNC_LIB[_name] = _fn
