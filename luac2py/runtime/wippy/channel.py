"""Wippy's concurrency: channels, ``channel.select`` and ``coroutine.spawn``,
for both places Lua runs: Temporal's deterministic workflow loop and the
plain asyncio loop of ordinary code (and activities).

Every wait is an asyncio future of the running loop, and every queue of
waiters is FIFO, so the same history gives the same interleaving. A waiter
woken by a send, receive or close resumes through the loop's ready queue
(``call_soon`` order); the coroutine that woke it runs on.

``coroutine.spawn(fn)`` runs ``fn`` at once, in the spawner's task, until it
first waits (Wippy: the new coroutine runs first); only then does it get a
task of its own, which carries on from that wait, and the spawner resumes.
Spawned coroutines belong to the process that ``run_main`` runs (a workflow
run, an ordinary call): an error in any of them fails it with its Lua
position, and when the main function returns the others are dropped.

Python code (timers, message delivery, futures) feeds channels with
``offer`` and ``close``, which never block."""

from __future__ import annotations

import asyncio
import contextvars
import types
from collections import deque
from types import CoroutineType
from typing import Any

from ..errors import LuaError, from_python
from ..lib import lcoroutine
from ..table import Table
from ..values import NOVALUE, Userdata, type_name
from .module import LuaObject, Module

_CLOSED = object()  # a blocked sender's answer when its channel closes


class _Waiter:
    """A blocked send or receive, or one case of a blocked select."""

    __slots__ = ("future", "value", "select", "case")

    def __init__(self, future, value=None, select=None, case=None):
        self.future = future
        self.value = value  # what a sender sends
        self.select = select
        self.case = case


class _Select:
    """A select waiting on all its cases; the first to complete wins."""

    __slots__ = ("future", "entries")

    def __init__(self, future):
        self.future = future
        self.entries: list[tuple[deque, _Waiter]] = []  # every queue it waits in


def _complete(w: _Waiter, value, ok) -> None:
    """Answer waiter ``w``: ``(value, ok)``, or ``_CLOSED`` for a sender
    whose channel closed; a select gets ``(case, value, ok)``."""
    if w.select is None:
        w.future.set_result(_CLOSED if ok is _CLOSED else (value, ok))
        return
    w.select.future.set_result((w.case, value, ok))
    # Its other cases leave their queues (as Wippy's flushSelect).
    for queue, entry in w.select.entries:
        if entry is not w:
            try:
                queue.remove(entry)
            except ValueError:
                pass


class Channel(LuaObject):
    """A Go-like channel: unbuffered (``capacity`` 0: a send waits for a
    receiver) or buffered. Lua methods: ``send``, ``receive``, ``close``,
    ``case_send``, ``case_receive``, ``len``, ``cap``."""

    __slots__ = ("capacity", "buffer", "senders", "receivers", "closed")
    lua_name = "channel"
    lua_methods = frozenset({"send", "receive", "close", "case_send", "case_receive", "len", "cap"})

    def __init__(self, capacity: int = 0):
        self.capacity = max(capacity, 0)
        self.buffer: deque = deque()
        self.senders: deque[_Waiter] = deque()
        self.receivers: deque[_Waiter] = deque()
        self.closed = False

    # --- Python API ---------------------------------------------------------------
    def offer(self, value) -> bool:
        """Send without waiting, from Python code: True when a waiting
        receiver took ``value`` or the buffer had room; False when full or
        closed."""
        return not self.closed and self._try_send(value)

    def close(self) -> None:
        """Close (again: nothing). Blocked receivers get ``nil, false``;
        blocked senders fail with "send on closed channel"."""
        if self.closed:
            return
        self.closed = True
        while self.senders:
            _complete(self.senders.popleft(), None, _CLOSED)
        while self.receivers:
            _complete(self.receivers.popleft(), None, False)

    async def put(self, value) -> None:
        """Send ``value``, waiting for a receiver or buffer room."""
        if self.closed:
            raise LuaError.at_caller("send on closed channel")
        if self._try_send(value):
            return
        w = _Waiter(asyncio.get_running_loop().create_future(), value)
        self.senders.append(w)
        if await _wait(w, self.senders) is _CLOSED:
            raise LuaError.at_caller("send on closed channel")

    async def get(self) -> tuple:
        """``(value, True)``, or ``(None, False)`` once closed and drained."""
        got = self._try_receive()
        if got is not None:
            return got
        w = _Waiter(asyncio.get_running_loop().create_future())
        self.receivers.append(w)
        return await _wait(w, self.receivers)

    # --- readiness and the operations that need no wait ---------------------------
    def can_send(self) -> bool:
        return bool(self.receivers) or (not self.closed and len(self.buffer) < self.capacity)

    def can_receive(self) -> bool:
        return bool(self.buffer) or bool(self.senders) or self.closed

    def _try_send(self, value) -> bool:
        if self.receivers:
            _complete(self.receivers.popleft(), value, True)
            return True
        if len(self.buffer) < self.capacity:
            self.buffer.append(value)
            return True
        return False

    def _try_receive(self) -> tuple | None:
        if self.buffer:
            value = self.buffer.popleft()
            if self.senders:
                # A blocked sender's value fills the freed slot.
                w = self.senders.popleft()
                self.buffer.append(w.value)
                _complete(w, w.value, True)
            return value, True
        if self.senders:
            w = self.senders.popleft()
            _complete(w, w.value, True)
            return w.value, True
        if self.closed:
            return None, False
        return None

    # --- Lua methods ------------------------------------------------------------
    async def send(self, value=None, *_):
        await self.put(value)
        return True

    async def receive(self, *_):
        return await self.get()

    def lua_close(self, *_):
        if self.closed:
            raise LuaError.at_caller("close of closed channel")
        self.close()

    def case_send(self, value=None, *_):
        return Case(self, True, value)

    def case_receive(self, *_):
        return Case(self, False)

    def len(self, *_):
        return len(self.buffer)

    def cap(self, *_):
        return self.capacity

    def lua_index(self, key):
        if key == "close":
            return Channel.lua_close
        return super().lua_index(key)

    def lua_tostring(self) -> str:
        return f"channel: 0x{id(self):014x}"


async def _wait(w: _Waiter, queue: deque):
    try:
        return await w.future
    except asyncio.CancelledError:
        if not w.future.done():
            queue.remove(w)
        raise


class Case(Userdata):
    """``ch:case_send(v)`` / ``ch:case_receive()``: one case of a select."""

    __slots__ = ("channel", "is_send", "value")
    lua_name = "select_case"

    def __init__(self, channel: Channel, is_send: bool, value=None):
        self.channel = channel
        self.is_send = is_send
        self.value = value


async def select(cases, default: bool = False) -> tuple | None:
    """The first ready case in order, done: ``(case, value, ok)`` (a send's
    value is what it sent). None with ``default`` when no case is ready;
    else wait for the first case that becomes ready."""
    for case in cases:
        ch = case.channel
        if case.is_send:
            if ch.can_send():
                ch._try_send(case.value)
                return case, case.value, True
        elif ch.can_receive():
            value, ok = ch._try_receive()
            return case, value, ok
    if default:
        return None
    sel = _Select(asyncio.get_running_loop().create_future())
    for case in cases:
        ch = case.channel
        if case.is_send and ch.closed:
            raise LuaError.at_caller("send on closed channel")
        queue = ch.senders if case.is_send else ch.receivers
        w = _Waiter(None, case.value, sel, case)
        queue.append(w)
        sel.entries.append((queue, w))
    try:
        case, value, ok = await sel.future
    except asyncio.CancelledError:
        if not sel.future.done():
            for queue, entry in sel.entries:
                queue.remove(entry)
        raise
    if ok is _CLOSED:
        raise LuaError.at_caller("send on closed channel")
    return case, value, ok


class ChannelModule(Module):
    """The ``channel`` global: ``channel.new(n)``, ``channel.select{...}``."""

    lua_fields = frozenset({"new", "select"})

    def new(self, capacity=0, *_):
        if capacity is None:
            capacity = 0
        if type(capacity) is float and capacity.is_integer():
            capacity = int(capacity)
        if type(capacity) is not int:
            raise LuaError.bad_argument(1, "new", f"number expected, got {type_name(capacity)}")
        return Channel(capacity)

    async def select(self, cases=None, default=None, *_):
        if not isinstance(cases, Table):
            raise LuaError.bad_argument(1, "select", f"table expected, got {type_name(cases)}")
        items = []
        i = 1
        while (case := cases[i]) is not None:
            if isinstance(case, Case):
                items.append(case)
            i += 1
        has_default = default is True or cases["default"] is True
        done = await select(items, has_default)
        if done is None:
            return Table(default=True, ok=True)
        case, value, ok = done
        return Table(channel=case.channel, value=value, ok=ok)


channel = ChannelModule()


# --- coroutine.spawn and the process it belongs to --------------------------------

_PROCESS: contextvars.ContextVar["Process | None"] = contextvars.ContextVar("wippy_process", default=None)


class Process:
    """The coroutines of one run of Lua code (a workflow run, an ordinary
    call): its main task and the tasks of the coroutines it spawned."""

    __slots__ = ("main", "spawned", "error", "finished", "ended")

    def __init__(self, loop):
        self.main = None
        self.spawned: list[asyncio.Task] = []
        self.ended = False  # dropped: no coroutine of it runs on
        self.error: LuaError | None = None
        self.finished = loop.create_future()  # done when main ends or a coroutine fails

    def fail(self, e: BaseException) -> None:
        """A spawned coroutine failed: the process fails with its error, and
        no coroutine of it runs on."""
        if self.error is None:
            self.error = e if isinstance(e, LuaError) else from_python(e)
            self.drop()
            if self.main is not None:
                self.main.cancel()
            if not self.finished.done():
                self.finished.set_result(None)

    def drop(self) -> None:
        self.ended = True
        for task in self.spawned:
            task.cancel()


class _Failed(BaseException):
    """Unwinds a spawner whose new coroutine failed before it first waited:
    the process has failed, so the spawner must not run on (pcall does not
    catch it)."""


def spawn(fn=NOVALUE, *args):
    """``coroutine.spawn(fn, ...)``: run ``fn`` now until it first waits,
    then on in a task of its own."""
    if not callable(fn) or isinstance(fn, Table):
        raise LuaError.bad_argument(1, "spawn", f"function expected, got {type_name(fn) if fn is not NOVALUE else 'no value'}")
    process = _PROCESS.get()
    if process is None:
        raise LuaError.at_caller("coroutine.spawn: no process to spawn in")
    # The new coroutine is outside any Lua coroutine of its spawner.
    state = lcoroutine._state
    prev, state.current = state.current, None
    try:
        r = fn(*args)
        if type(r) is not CoroutineType:
            return None
        waited = r.send(None)
    except StopIteration:
        return None
    except Exception as e:  # noqa: BLE001  fails the process, not the spawner
        process.fail(e)
        raise _Failed() from None
    finally:
        state.current = prev
    process.spawned.append(asyncio.get_running_loop().create_task(_carry_on(process, r, waited)))
    return None


async def _carry_on(process: Process, coro, waited) -> None:
    try:
        await _from(coro, waited, process)
    except asyncio.CancelledError:
        raise
    except Exception as e:  # noqa: BLE001  a spawned coroutine's error fails its process
        process.fail(e)


@types.coroutine
def _from(coro, waited, process: Process):
    """Drive ``coro``, started elsewhere and now waiting for ``waited``, as
    its task would have. Once its process has ended, a cancellation closes
    it where it waits: a coroutine that caught the cancellation as an error
    value (a cancelled activity's) would run on and act after its workflow
    completed."""
    while True:
        try:
            sent = yield waited
        except GeneratorExit:
            coro.close()
            raise
        except BaseException as e:  # noqa: BLE001  delivered to the coroutine (a cancellation)
            if process.ended and isinstance(e, asyncio.CancelledError):
                try:
                    coro.close()
                except RuntimeError:  # it waited again while closing: left as it is
                    pass
                raise
            try:
                waited = coro.throw(e)
            except StopIteration as done:
                return done.value
        else:
            try:
                waited = coro.send(sent)
            except StopIteration as done:
                return done.value


async def run_main(fn, *args, on_cancel=None) -> Any:
    """Run ``fn(*args)`` as a process's main coroutine and return its
    result. Raises the error of a spawned coroutine that fails; when the
    main function returns, the spawned coroutines still waiting are dropped.
    When the run is cancelled, ``on_cancel()`` returning true means main
    was told some other way (a workflow's ``pid.cancel`` event) and goes on
    undisturbed."""
    loop = asyncio.get_running_loop()
    process = Process(loop)
    token = _PROCESS.set(process)
    try:
        process.main = main = loop.create_task(_main(process, fn, args))  # its context holds the process
    finally:
        _PROCESS.reset(token)
    main.add_done_callback(lambda _: process.finished.done() or process.finished.set_result(None))
    while True:
        try:
            await asyncio.shield(process.finished)
            break
        except asyncio.CancelledError:
            # The run is cancelled (a workflow cancellation): main sees it
            # where it waits, as it would as the run itself, and may go on.
            if on_cancel is None or not on_cancel():
                main.cancel()
    process.drop()
    if process.error is not None:
        raise process.error
    try:
        return main.result()
    except _Failed:
        raise process.error from None


async def _main(process: Process, fn, args):
    r = fn(*args)
    if type(r) is CoroutineType:
        r = await r
    # Dropped now, before any of them runs again: the process ends here.
    process.drop()
    return r


# ``coroutine`` as Wippy code sees it: Lua's (in async code) and spawn.
COROUTINE = Table()
for _name, _fn in {**lcoroutine.ASYNC_FUNCTIONS, "spawn": spawn}.items():
    COROUTINE[_name] = _fn
