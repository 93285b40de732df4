"""The ``process`` module in ordinary code (function entries run by
``PKG.call``, ``python -m PKG call``, ``luac2py run --entry``).

Each such run is a process with a local ID, an inbox and an events channel.
Its PID is ``{luac2py@<task queue>|<local id>}``: the task queue belongs to
this Python process (a ``Host``), which serves there, once its ordinary code
first talks to Temporal, a worker with the ``luac2py:deliver`` activity a
workflow's ``process.send`` executes to reach it. The Lua code runs on an
event loop of its own in a worker thread; the host's client, its delivery
worker and every Temporal call live on the loop that called ``PKG.call``,
and messages cross between the two with ``call_soon_threadsafe``.

Ordinary code starts workflows through the client and watches them (monitor,
link) by waiting on their results in the background. A ``process.lua``
entry it spawns is a process of this Python process: a task of the host's
loop running the Lua in a thread of its own, as ``PKG.call`` does."""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextvars
import itertools
import sys
import threading
import uuid
from contextvars import ContextVar
from typing import Any, Awaitable, Callable

from temporalio import activity
from temporalio.client import Client, WorkflowFailureError
from temporalio.common import WorkflowIDConflictPolicy
from temporalio.exceptions import ApplicationError, WorkflowAlreadyStartedError
from temporalio.service import RPCError, RPCStatusCode

from ..errors import LuaError
from ..table import Table
from ..values import to_text, type_name
from .channel import Channel
from .channel import _PROCESS
from .errors import ALREADY_EXISTS, INVALID, NOT_FOUND, UNAVAILABLE, ErrorObject, from_exception
from .funcs import merged_context
from .message import DELIVER_ACTIVITY, LOCAL, UPDATE, Message, decoded_array, local_pid, parse_pid, workflow_pid
from .module import LuaObject, Module
from .process import EVENT, EXIT, LINK_DOWN, trap_links_option
from .time import parse_duration
from .workflow_options import FAIL, TERMINATE_EXISTING, USE_EXISTING, host_task_queue, parse_workflow_options

# Inboxes never make a deliverer wait.
_UNBOUNDED = sys.maxsize


# --- the host: this Python process's link to Temporal ------------------------------------


class Host:
    """The ordinary processes running in this Python process, their task
    queue and, from the first Temporal call on, the client and the worker
    serving ``luac2py:deliver`` there. Lives on ``loop``."""

    def __init__(self, app, loop: asyncio.AbstractEventLoop, get_client: Callable[[], Awaitable[Client]]):
        self.app = app
        self.loop = loop
        self.task_queue = f"luac2py-proc-{uuid.uuid4()}"
        self.processes: dict[str, OrdinaryProcess] = {}
        self._get_client = get_client
        self._ready: asyncio.Future | None = None
        self._worker = None
        self._serving: asyncio.Task | None = None
        self._ids = itertools.count(1)

    def new_process(self) -> OrdinaryProcess:
        local_id = f"p{next(self._ids)}"
        proc = OrdinaryProcess(self, local_id)
        self.processes[local_id] = proc
        return proc

    async def end_process(self, proc: OrdinaryProcess, value, err) -> None:
        """``proc`` has ended: those watching it learn how; the last
        process of this host stops its delivery worker."""
        del self.processes[proc.local_id]
        proc.ended.set_result((value, err))
        if not self.processes:
            del _HOSTS[self.loop]
            await self.close()

    def spawn_local(self, parent: OrdinaryProcess, start, entry_id: str, input) -> str:
        """Start function entry ``entry_id`` (a ``process.lua`` one) as a
        process of this Python process, an asyncio task of the host's loop
        running its Lua in a thread of its own, as ``PKG.call`` does: its
        PID. It sees the spawner's context with ``start.context`` over it;
        start messages are in its inbox before it runs."""
        from ..temporal.context import context_values

        child = self.new_process()
        if start.messages:
            child.deliver_all(list(start.messages), parent.pid)
        with context_values(start.context or Table()):
            token = _CURRENT.set(child)
            try:
                context = contextvars.copy_context()
            finally:
                _CURRENT.reset(token)

        def begin():
            self.loop.create_task(self._run_local(child, entry_id, input), context=context)

        self.loop.call_soon_threadsafe(begin)
        return child.pid

    async def _run_local(self, child: OrdinaryProcess, entry_id: str, input) -> None:
        from ..temporal.glue import run_function

        done = self.loop.create_future()
        context = contextvars.copy_context()

        def work():
            try:
                result = context.run(run_function, self.app, entry_id, [input])
            except Exception as e:  # noqa: BLE001  its failure is its exit value
                result = (None, from_exception(e))
            try:
                self.loop.call_soon_threadsafe(lambda: done.done() or done.set_result(result))
            except RuntimeError:  # the host's loop has ended (and this Python process with it)
                pass

        # A daemon thread: a child still waiting when the program ends does not keep it alive.
        threading.Thread(target=work, name=entry_id, daemon=True).start()
        value, err = None, None
        try:
            value, err = await done
        finally:
            await self.end_process(child, value, err)

    async def client(self) -> Client:
        """The client, the delivery worker serving from now on."""
        if self._ready is None:
            self._ready = asyncio.ensure_future(self._start())
        return await asyncio.shield(self._ready)

    async def _start(self) -> Client:
        from temporalio.worker import Worker

        from ..temporal.client import sending_context
        from ..temporal.worker import WORKER_INTERCEPTORS

        client = sending_context(await self._get_client())
        self._worker = Worker(
            client,
            task_queue=self.task_queue,
            activities=[self._deliver_activity()],
            interceptors=list(WORKER_INTERCEPTORS),
        )
        self._serving = asyncio.create_task(self._worker.run())
        return client

    def _deliver_activity(self):
        @activity.defn(name=DELIVER_ACTIVITY)
        async def deliver(local_id=None, messages=None, sender=None):
            """``messages``: ``{topic =, payload =}`` tables, in order."""
            proc = self.processes.get(to_text(local_id) if type(local_id) is str else local_id)
            batch = [(dict.get(m, "topic"), dict.get(m, "payload")) for m in decoded_array(messages)]
            if proc is None or not proc.deliver_all(batch, sender):
                raise ApplicationError(
                    f"no process {local_id} at {self.task_queue} (it has ended)", type=NOT_FOUND, non_retryable=True
                )

        return deliver

    async def close(self) -> None:
        if self._ready is None:
            return
        try:
            await self._ready
        except Exception:  # noqa: BLE001  it never served: nothing to stop
            return
        await self._worker.shutdown()
        await self._serving

    def call(self, make: Callable[[Client], Awaitable[Any]]) -> Awaitable[Any]:
        """``make(client)`` run on the host's loop, awaited from the calling
        (process) loop; the caller's context values travel along."""

        async def run():
            return await make(await self.client())

        return asyncio.wrap_future(asyncio.run_coroutine_threadsafe(run(), self.loop))


_CURRENT: ContextVar[OrdinaryProcess | None] = ContextVar("luac2py_process", default=None)
# The host of each loop running ordinary processes.
_HOSTS: dict[asyncio.AbstractEventLoop, "Host"] = {}


async def running_process(app, get_client: Callable[[], Awaitable[Client]], run: Callable[[], Awaitable[Any]]):
    """``await run()`` as a new ordinary process (its Lua code finds it
    through the context, also in the thread ``run`` hands it to). The
    processes running at once on this loop share its host; the last to end
    stops the delivery worker."""
    loop = asyncio.get_running_loop()
    if loop not in _HOSTS:
        _HOSTS[loop] = Host(app, loop, get_client)
    host = _HOSTS[loop]
    proc = host.new_process()
    token = _CURRENT.set(proc)
    try:
        return await run()
    finally:
        _CURRENT.reset(token)
        await host.end_process(proc, None, None)


# --- one ordinary process ------------------------------------------------------------------


class OrdinaryProcess:
    def __init__(self, host: Host, local_id: str):
        self.host = host
        self.local_id = local_id
        self.pid = local_pid(host.task_queue, local_id)
        self.loop: asyncio.AbstractEventLoop | None = None
        self._lock = threading.Lock()
        self._pending: list[tuple] = []
        self.inbox = Channel(_UNBOUNDED)
        self.events = Channel(_UNBOUNDED)
        self.topics: dict[str, tuple[Channel, bool]] = {}
        self.watches: dict[str, _Watch] = {}  # by PID
        self.trap_links = False
        # Set to (value, err) when it ends, from the host's loop.
        self.ended: concurrent.futures.Future = concurrent.futures.Future()

    def bind(self) -> None:
        """Called from the process's Lua code: messages go to its loop from now on."""
        if self.loop is not None:
            return
        with self._lock:
            self.loop = asyncio.get_running_loop()
            pending, self._pending = self._pending, []
        for m in pending:
            self._take(*m)

    def deliver(self, topic, payload, sender) -> bool:
        """From any thread; False once the process's loop is gone."""
        return self.deliver_all([(topic, payload)], sender)

    def deliver_all(self, messages: list[tuple], sender) -> bool:
        """``(topic, payload)`` pairs from one sender, in order."""
        with self._lock:
            if self.loop is None:
                self._pending.extend((topic, payload, sender) for topic, payload in messages)
                return True
        try:
            for topic, payload in messages:
                self.loop.call_soon_threadsafe(self._take, topic, payload, sender)
        except RuntimeError:  # its loop has closed
            return False
        return True

    def _take(self, topic, payload, sender) -> None:
        listener = self.topics.get(topic)
        if listener is None:
            self.inbox.offer(Message(topic, payload, sender or ""))
        else:
            channel, as_message = listener
            channel.offer(Message(topic, payload, sender or "") if as_message else payload)

    def push_event(self, kind: str, pid: str, value, err: ErrorObject | None) -> None:
        self.events.offer(Table(kind=kind, **{"from": pid}, result=Table(value=value, error=err)))

    # --- watching workflows (monitors and links) ---------------------------------------
    def watch(self, pid: str, *, monitor: bool = False, link: bool = False) -> None:
        """Wait for workflow ``pid``'s end in the background (a task of the
        process's loop, dropped with it) and report it: EXIT while
        monitored, and while linked EXIT on success, LINK_DOWN on failure
        when links are trapped, else the failure ends this process."""
        w = self.watches.get(pid)
        if w is None:
            w = self.watches[pid] = _Watch()
            w.task = self.loop.create_task(self._await_end(pid, w))
        w.monitored |= monitor
        w.linked |= link

    def unwatch(self, pid: str, *, monitor: bool = False, link: bool = False) -> None:
        w = self.watches.get(pid)
        if w is None:
            return
        w.monitored &= not monitor
        w.linked &= not link
        if not (w.monitored or w.linked):
            del self.watches[pid]
            w.task.cancel()

    async def _await_end(self, pid: str, w: "_Watch") -> None:
        value, err = await _end_of(self, pid)
        if self.watches.get(pid) is w:
            del self.watches[pid]
        if w.monitored or (w.linked and err is None):
            self.push_event(EXIT, pid, value, err)
        if w.linked and err is not None:
            if self.trap_links:
                self.push_event(LINK_DOWN, pid, value, err)
            else:
                down = ErrorObject(err.kind(), f"linked process {pid} failed: {to_text(err.message())}", False)
                _PROCESS.get().fail(LuaError(down))


async def _end_of(proc: OrdinaryProcess, pid: str):
    """``(value, err)`` once process ``pid`` (a workflow, or a process of
    this Python process) has ended."""
    kind, where, ident = parse_pid(pid)
    if kind == LOCAL:
        other = proc.host.processes.get(ident) if where == proc.host.task_queue else None
        if other is None:
            return None, ErrorObject(NOT_FOUND, f"no process {pid} here (it has ended)", False)
        return await asyncio.wrap_future(other.ended)
    return await proc.host.call(lambda client: _result(client, ident))


class _Watch:
    __slots__ = ("monitored", "linked", "task")

    def __init__(self):
        self.monitored = False
        self.linked = False
        self.task: asyncio.Task | None = None


def _current() -> OrdinaryProcess:
    proc = _CURRENT.get()
    if proc is None:
        raise LuaError.at_caller("process functions outside workflows need an ordinary-code process")
    proc.bind()
    return proc


_RPC_KINDS = {
    RPCStatusCode.NOT_FOUND: NOT_FOUND,
    # A signal-with-start refused by the `fail` conflict policy.
    RPCStatusCode.ALREADY_EXISTS: ALREADY_EXISTS,
    RPCStatusCode.INVALID_ARGUMENT: INVALID,
}


def _failure(e: BaseException) -> ErrorObject:
    if isinstance(e, WorkflowAlreadyStartedError):
        return ErrorObject(ALREADY_EXISTS, f"workflow {e.workflow_id} already exists", False)
    if isinstance(e, RPCError):
        kind = _RPC_KINDS.get(e.status, UNAVAILABLE)
        return ErrorObject(kind, e.message, kind == UNAVAILABLE)
    if isinstance(e, WorkflowFailureError) and e.cause is not None:
        return from_exception(e.cause)
    return from_exception(e)


# --- starting workflows --------------------------------------------------------------------

_CLIENT_CONFLICT = {
    USE_EXISTING: WorkflowIDConflictPolicy.USE_EXISTING,
    FAIL: WorkflowIDConflictPolicy.FAIL,
    TERMINATE_EXISTING: WorkflowIDConflictPolicy.TERMINATE_EXISTING,
}


class _Start:
    """What a spawn starts with: parsed options, name, start messages, context."""

    __slots__ = ("options", "name", "messages", "context")

    def __init__(self, options: dict | None = None, name=None, messages: tuple = (), context: Table | None = None):
        self.options = options or {}
        self.name = name
        self.messages = messages
        self.context = context

    def but(self, **changes) -> "_Start":
        fields = {k: getattr(self, k) for k in self.__slots__}
        return _Start(**{**fields, **changes})


async def _start(proc: OrdinaryProcess, start: _Start, entry, host, input):
    """Start workflow ``entry`` through the client: its PID, or nil and an
    error. A named start joins the running workflow unless its conflict
    policy says otherwise; start messages come first, from this process."""
    from ..temporal.client import start as client_start
    from ..temporal.context import SENDER_KEY, context_values

    app = proc.host.app
    if type(entry) is not str:
        raise LuaError.at_caller(f"bad argument #1 to 'spawn' (string expected, got {type_name(entry)})")
    entry_id = to_text(entry)
    spec = app.workflows.get(entry_id)
    if spec is None and entry_id in app.functions:
        # A process.lua entry (ordinary code): a process of this Python process.
        return proc.host.spawn_local(proc, start, entry_id, input), None
    if spec is None:
        return None, ErrorObject(NOT_FOUND, f"no workflow or process entry '{entry_id}'", False)
    kw = dict(start.options)
    conflict = kw.pop("conflict", None)
    kw.pop("parent_close_policy", None)  # a client start has no parent
    workflow_id = kw.pop("id", None) or start.name
    kw["task_queue"] = app.task_queue(kw["task_queue"]) if "task_queue" in kw else host_task_queue(app, spec, host)
    if conflict is None and workflow_id is not None:
        conflict = USE_EXISTING
    if conflict is not None:
        kw["id_conflict_policy"] = _CLIENT_CONFLICT[conflict]
    messages = list(start.messages)
    # Temporal's signal-with-start joins or starts only: another conflict
    # policy starts first and then sends.
    if messages and conflict in (None, USE_EXISTING):
        topic, payload = messages.pop(0)
        kw["start_signal"] = topic
        kw["start_signal_args"] = [payload]
    headers = Table()
    for k, v in (start.context or Table()).fields():
        headers[k] = v
    sender = Table()
    sender[SENDER_KEY] = proc.pid
    if start.messages:
        headers[SENDER_KEY] = proc.pid  # start messages come from this process, as sent ones do

    async def go(client):
        with context_values(headers):
            handle = await client_start(client, app, entry_id, input, workflow_id=workflow_id, **kw)
        for topic, payload in messages:
            with context_values(sender):
                await handle.signal(topic, payload)
        return handle.id

    try:
        wid = await proc.host.call(go)
    except LuaError:
        raise
    except Exception as e:  # noqa: BLE001  a refused start is nil, err
        return None, _failure(e)
    return workflow_pid(app, entry_id, wid), None


async def _result(client: Client, workflow_id: str):
    try:
        return await client.get_workflow_handle(workflow_id).result(), None
    except Exception as e:  # noqa: BLE001
        return None, _failure(e)


class SpawnBuilder(LuaObject):
    """``process.with_options{...}``, ``process.with_context{...}``:
    immutable, each ``with_*`` a new one; start messages keep their order."""

    __slots__ = ("_start",)
    lua_name = "ProcessBuilder"
    lua_methods = frozenset(
        {"with_options", "with_name", "with_message", "with_context", "spawn", "spawn_monitored", "spawn_linked",
         "spawn_linked_monitored", "exec"}
    )

    def __init__(self, start: _Start):
        self._start = start

    def with_options(self, options=None, *_):
        if not isinstance(options, Table):
            raise LuaError.at_caller(f"bad argument #1 to 'with_options' (table expected, got {type_name(options)})")
        try:
            more = parse_workflow_options(options)
        except ValueError as e:
            raise LuaError.at_caller(f"bad argument #1 to 'with_options' ({e})") from None
        return SpawnBuilder(self._start.but(options={**self._start.options, **more}))

    def with_name(self, name=None, *_):
        if type(name) is not str:
            raise LuaError.at_caller(f"bad argument #1 to 'with_name' (string expected, got {type_name(name)})")
        return SpawnBuilder(self._start.but(name=to_text(name)))

    def with_message(self, topic=None, payload=None, *_):
        if type(topic) is not str:
            raise LuaError.at_caller(f"bad argument #1 to 'with_message' (string expected, got {type_name(topic)})")
        return SpawnBuilder(self._start.but(messages=(*self._start.messages, (to_text(topic), payload))))

    def with_context(self, values=None, *_):
        return SpawnBuilder(self._start.but(context=merged_context(self._start.context, values)))

    async def _spawn(self, entry, host, input, *, monitor=False, link=False):
        proc = _current()
        pid, err = await _start(proc, self._start, entry, host, input)
        if pid is not None and (monitor or link):
            proc.watch(pid, monitor=monitor, link=link)
        return pid, err

    async def spawn(self, entry=None, host=None, input=None, *_):
        return await self._spawn(entry, host, input)

    async def spawn_monitored(self, entry=None, host=None, input=None, *_):
        return await self._spawn(entry, host, input, monitor=True)

    async def spawn_linked(self, entry=None, host=None, input=None, *_):
        return await self._spawn(entry, host, input, link=True)

    async def spawn_linked_monitored(self, entry=None, host=None, input=None, *_):
        return await self._spawn(entry, host, input, monitor=True, link=True)

    async def exec(self, entry=None, host=None, input=None, *_):
        proc = _current()
        pid, err = await _start(proc, self._start, entry, host, input)
        if pid is None:
            return None, err
        return await _end_of(proc, pid)


class OutsideProcessModule(Module):
    """``process`` for ordinary code."""

    lua_fields = frozenset(
        {
            "pid",
            "event",
            "inbox",
            "events",
            "listen",
            "unlisten",
            "send",
            "spawn",
            "spawn_monitored",
            "spawn_linked",
            "spawn_linked_monitored",
            "exec",
            "with_options",
            "with_context",
            "monitor",
            "unmonitor",
            "link",
            "unlink",
            "set_options",
            "terminate",
            "cancel",
            "upgrade",
        }
    )

    event = EVENT  # the kinds of events() items, as in workflow code

    def __init__(self, app=None):
        self.app = app

    def pid(self, *_):
        proc = _current()
        # Whoever learns this PID may send at once: serve from now on.
        asyncio.run_coroutine_threadsafe(proc.host.client(), proc.host.loop)
        return proc.pid

    def inbox(self, *_):
        return _current().inbox

    def events(self, *_):
        return _current().events

    def listen(self, topic=None, options=None, *_):
        if type(topic) is not str:
            raise LuaError.at_caller(f"bad argument #1 to 'listen' (string expected, got {type_name(topic)})")
        proc = _current()
        as_message = isinstance(options, dict) and dict.get(options, "message") is True
        channel = Channel(_UNBOUNDED)
        proc.topics[topic] = (channel, as_message)
        return channel

    def unlisten(self, channel=None, *_):
        proc = _current()
        for topic, (ch, _as_message) in list(proc.topics.items()):
            if ch is channel:
                del proc.topics[topic]
                ch.close()

    async def send(self, pid=None, topic=None, payload=None, *_):
        from ..temporal.context import SENDER_KEY, context_values

        if type(topic) is not str:
            raise LuaError.at_caller(f"bad argument #2 to 'send' (string expected, got {type_name(topic)})")
        proc = _current()
        target = _target(pid, "send")
        if isinstance(target, ErrorObject):
            return None, target
        kind, where, ident = target
        if kind == LOCAL:
            # Another ordinary process: from here only those of this Python process.
            other = proc.host.processes.get(ident) if where == proc.host.task_queue else None
            if other is None or not other.deliver(topic, payload, proc.pid):
                return None, ErrorObject(NOT_FOUND, f"process {to_text(pid)} cannot be reached from here", False)
            return True, None
        sender = Table()
        sender[SENDER_KEY] = proc.pid

        async def signal(client):
            await client.get_workflow_handle(ident).signal(to_text(topic), payload)

        try:
            with context_values(sender):
                await proc.host.call(signal)
        except Exception as e:  # noqa: BLE001  a workflow gone or never there: nil, err
            return None, _failure(e)
        return True, None

    async def spawn(self, entry=None, host=None, input=None, *_):
        return await SpawnBuilder(_Start()).spawn(entry, host, input)

    async def spawn_monitored(self, entry=None, host=None, input=None, *_):
        return await SpawnBuilder(_Start()).spawn_monitored(entry, host, input)

    async def spawn_linked(self, entry=None, host=None, input=None, *_):
        return await SpawnBuilder(_Start()).spawn_linked(entry, host, input)

    async def spawn_linked_monitored(self, entry=None, host=None, input=None, *_):
        return await SpawnBuilder(_Start()).spawn_linked_monitored(entry, host, input)

    async def exec(self, entry=None, host=None, input=None, *_):
        return await SpawnBuilder(_Start()).exec(entry, host, input)

    def with_options(self, options=None, *_):
        return SpawnBuilder(_Start()).with_options(options)

    def with_context(self, values=None, *_):
        return SpawnBuilder(_Start()).with_context(values)

    def monitor(self, pid=None, *_):
        return self._watch(pid, "monitor", monitor=True)

    def unmonitor(self, pid=None, *_):
        return self._watch(pid, "unmonitor", monitor=True)

    def link(self, pid=None, *_):
        return self._watch(pid, "link", link=True)

    def unlink(self, pid=None, *_):
        return self._watch(pid, "unlink", link=True)

    def _watch(self, pid, fname: str, **which):
        proc = _current()
        target = _target(pid, fname)
        if isinstance(target, ErrorObject):
            return None, target
        pid = to_text(pid)
        if target[0] == LOCAL and (target[1] != proc.host.task_queue or target[2] not in proc.host.processes):
            return None, ErrorObject(NOT_FOUND, f"cannot {fname} {pid}: no such process here", False)
        if fname.startswith("un"):
            proc.unwatch(pid, **which)
        else:
            proc.watch(pid, **which)
        return True, None

    def set_options(self, options=None, *_):
        trap = trap_links_option(options)
        if trap is not None:
            _current().trap_links = trap
        return True, None

    async def terminate(self, pid=None, *_):
        return await self._end(pid, "terminate")

    async def cancel(self, pid=None, deadline=None, *_):
        """Ask workflow ``pid`` to cancel (it sees ``pid.cancel`` and may
        clean up); with ``deadline``, it is terminated when it has not
        ended by then (while this Python process runs)."""
        grace = None
        if deadline is not None:
            try:
                grace = parse_duration(deadline)
            except ValueError as e:
                raise LuaError.at_caller(f"bad argument #2 to 'cancel' ({e})") from None
        return await self._end(pid, "cancel", grace)

    def upgrade(self, *_):
        raise LuaError.at_caller("process.upgrade continues a workflow as new: ordinary code has no history to shed")

    async def _end(self, pid, how: str, grace=None):
        proc = _current()
        target = _target(pid, how)
        if isinstance(target, ErrorObject):
            return None, target
        if target[0] == LOCAL:
            return None, ErrorObject(INVALID, f"cannot {how} {to_text(pid)}: not a workflow", False)

        async def end(client):
            handle = client.get_workflow_handle(target[2])
            await (handle.terminate(f"terminated by {proc.pid}") if how == "terminate" else handle.cancel())
            if grace is not None:
                asyncio.get_running_loop().create_task(_terminate_after(handle, grace, proc.pid))

        try:
            await proc.host.call(end)
        except Exception as e:  # noqa: BLE001
            return None, _failure(e)
        return True, None


async def _terminate_after(handle, grace, by: str) -> None:
    """A cancelled workflow still running after ``grace`` is terminated."""
    try:
        await asyncio.wait_for(handle.result(), grace.total_seconds())
    except asyncio.TimeoutError:
        try:
            await handle.terminate(f"terminated by {by}: not ended {grace.total_seconds():g} s after its cancellation")
        except RPCError:  # it ended meanwhile
            pass
    except Exception:  # noqa: BLE001  it ended (cancelled or failed): nothing to do
        pass


def _target(pid, fname: str):
    """``parse_pid`` of a Lua argument; an error object for one that is no
    PID or names an update (only workflows answer those)."""
    if type(pid) is not str:
        raise LuaError.at_caller(f"bad argument #1 to '{fname}' (string expected, got {type_name(pid)})")
    try:
        kind, where, ident = parse_pid(to_text(pid))
    except ValueError as e:
        return ErrorObject(INVALID, str(e), False)
    if kind == UPDATE:
        return ErrorObject(INVALID, f"cannot {fname} to {to_text(pid)} outside workflows", False)
    return kind, where, ident
