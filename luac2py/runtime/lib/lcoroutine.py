"""The ``coroutine`` library.

Lua coroutines are stackful: a yield may come from any depth of calls. In
synchronous code (scripts) each coroutine runs on a greenlet, so generated
functions stay plain ``def``s. In async code (workflows on Temporal's
deterministic loop, ordinary code on an asyncio loop) functions that may
suspend are ``async``, and a resume drives the coroutine's Python coroutine
step by step in the resumer's own task (``ASYNC_LIB``).
"""

from __future__ import annotations

import asyncio
import threading
import types
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


# --- coroutines in async code (workflows, ordinary code) ------------------------
#
# A coroutine's body is a Python coroutine that its resumer drives itself, step
# by step, as a task drives one: ``coroutine.yield`` is an awaitable whose
# yielded marker the resumer takes as the coroutine's yield; anything else the
# body waits for (a channel, a timer, an activity) passes up to whatever drives
# the resumer, and its answer back down. So a resume runs the coroutine at
# once, in the resumer's task, and a coroutine needs no task of its own.


class AsyncCoroutine(Coroutine):
    __slots__ = ("coro",)

    def __init__(self, fn):
        super().__init__(fn)
        self.coro = None  # the body's Python coroutine, once it has started


class _Yield:
    """What ``coroutine.yield`` awaits: the resumer receives this object and
    sends back the values of the next resume."""

    __slots__ = ("values",)

    def __init__(self, values):
        self.values = values

    def __await__(self):
        return (yield self)


@types.coroutine
def _drive(co: AsyncCoroutine, args: tuple):
    """``(ok, values)`` of running ``co`` until it yields, returns or fails."""
    prev = _state.current
    outer = prev or _state.main
    outer.status = "normal"
    co.status = "running"
    sent, thrown = args, None
    try:
        while True:
            _state.current = co
            try:
                if co.coro is None:
                    r = co.fn(*args)
                    if type(r) is not CoroutineType:
                        co.status = "dead"
                        return True, r if type(r) is tuple else (r,)
                    co.coro = r
                    waited = r.send(None)
                elif thrown is not None:
                    waited = co.coro.throw(thrown)
                else:
                    waited = co.coro.send(sent)
            except StopIteration as done:
                co.status = "dead"
                co.coro = None
                r = done.value
                return True, r if type(r) is tuple else (r,)
            except (asyncio.CancelledError, GeneratorExit):
                co.status = "dead"
                co.coro = None
                raise
            except BaseException as e:  # noqa: BLE001  a Lua error ends the coroutine
                if isinstance(e, RecursionError):
                    e = LuaError("stack overflow")
                co.status = "dead"
                co.coro = None
                co.error = _error_value(e)
                return False, (co.error,)
            finally:
                _state.current = prev
            if type(waited) is _Yield:
                co.status = "suspended"
                return True, waited.values
            try:
                sent, thrown = (yield waited), None
            except BaseException as e:  # noqa: BLE001  delivered to the body, as a task would
                thrown = e
    finally:
        outer.status = "running"


def acreate(f=NOVALUE, *_):
    _check_function(f, "create")
    return AsyncCoroutine(f)


def _check_resumable(co: Coroutine):
    if co.status == "dead":
        return False, ("cannot resume dead coroutine",)
    return False, ("cannot resume non-suspended coroutine",)


async def aresume(co=NOVALUE, *args):
    co = _check_co(co, 1, "resume")
    ok, values = await _drive(co, args) if co.status == "suspended" else _check_resumable(co)
    return (ok, *values)


async def ayield(*values):
    if _state.current is None:
        raise LuaError.at_caller("attempt to yield from outside a coroutine")
    args = await _Yield(values)
    return args[0] if len(args) == 1 else args


def astatus(co=NOVALUE, *_):
    return _check_co(co, 1, "status").status


def arunning(*_):
    co = _state.current
    return (co, False) if co is not None else (_state.main, True)


def aisyieldable(co=NOVALUE, *_):
    if co is NOVALUE:
        return _state.current is not None
    return _check_co(co, 1, "isyieldable") is not _state.main


def awrap(f=NOVALUE, *_):
    _check_function(f, "wrap")
    co = AsyncCoroutine(f)

    async def wrapped(*args):
        ok, values = await _drive(co, args) if co.status == "suspended" else _check_resumable(co)
        if ok:
            return values[0] if len(values) == 1 else values
        raise LuaError(values[0])

    return wrapped


def aclose(co=NOVALUE, *_):
    co = _check_co(co, 1, "close")
    if co.status in ("suspended", "dead"):
        coro, co.coro = co.coro, None
        co.status = "dead"
        if coro is not None:
            # Unwind its stack: pending to-be-closed variables run their __close.
            prev = _state.current
            _state.current = co
            try:
                coro.close()
            except BaseException as e:  # noqa: BLE001  an error from a __close
                co.error = _error_value(e)
            finally:
                _state.current = prev
        if co.error is not NOVALUE:
            err, co.error = co.error, NOVALUE
            return False, err
        return True
    raise LuaError.at_caller(f"cannot close a {co.status} coroutine")


ASYNC_FUNCTIONS = {
    "create": acreate,
    "resume": aresume,
    "yield": ayield,
    "status": astatus,
    "running": arunning,
    "isyieldable": aisyieldable,
    "wrap": awrap,
    "close": aclose,
}
ASYNC_LIB = Table()
for _name, _fn in ASYNC_FUNCTIONS.items():
    ASYNC_LIB[_name] = _fn
